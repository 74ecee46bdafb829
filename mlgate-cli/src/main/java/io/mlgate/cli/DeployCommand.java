package io.mlgate.cli;

import io.mlgate.core.deploy.DeployRequest;
import io.mlgate.core.deploy.DeploymentTarget;
import io.mlgate.core.deploy.Strategy;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy",
        description = {"Deploy a registered version to the target of deploy.target (local: a running 'mlgate serve'; kubernetes).",
                "Strategies: replace (hot swap), canary --percent P, shadow; --promote makes the canary the only version.",
                "After every change a health and smoke check (holdout rows -> the registered model's own predictions) runs;",
                "a failed check rolls back automatically and exits 6. Every change goes into the deployment ledger."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate deploy -c mlgate.yaml                                   # the production alias, replace",
                "  mlgate deploy -c mlgate.yaml --version 4 --strategy canary --percent 10 --reason \"CAB-1234\"",
                "  mlgate deploy -c mlgate.yaml --promote --reason \"canary clean for 24 h\"",
                "  mlgate deploy -c mlgate.yaml --version 5 --strategy shadow --url http://10.0.0.5:8080"})
final class DeployCommand extends PipelineCommand {
    @Option(names = "--version", paramLabel = "V", description = "The version to deploy (default: the one --alias points at).")
    String version;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "Deploy the version this alias points at (default: production).")
    String alias;

    @Option(names = "--strategy", paramLabel = "S", description = "replace | canary | shadow (default: deploy.strategy, else replace).")
    String strategy;

    @Option(names = "--percent", paramLabel = "P", description = "Canary share 1..100 (default: deploy.canary_percent, else 10).")
    Integer percent;

    @Option(names = "--promote", description = "Make the running canary the only version.")
    boolean promote;

    @Mixin
    DeployTargetOptions where = new DeployTargetOptions();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; recorded in the ledger (default: 'mlgate deploy').")
    String reason;

    @Option(names = "--actor", paramLabel = "USER", description = "Who (default: from the CI environment or the OS user).")
    String actor;



    @Option(names = "--smoke-rows", paramLabel = "N", description = "Override deploy.smoke_rows (holdout rows checked after the change; 0 = health only).")
    Integer smokeRows;

    @Override
    void addOverrides(CommonOptions options) {
        where.addOverrides(options);
        options.override("deploy.smoke_rows", smokeRows);
    }

    @Override
    StepOutcome execute(Pipeline pipeline) {
        var config = pipeline.loaded().config();
        Strategy s = promote ? Strategy.PROMOTE : Strategy.parse(strategy != null ? strategy : config.deploy().strategy());
        if (s == Strategy.ROLLBACK) {
            throw new io.mlgate.core.config.ConfigException("use 'mlgate rollback --reason ...' to roll back");
        }
        String v = s == Strategy.PROMOTE ? null : pipeline.deployVersion(version, alias);
        String env = where.environment(config);
        int p = percent != null ? percent : config.deploy().canaryPercent();
        DeployRequest request = new DeployRequest(config.model(), env, s, v, p, reason == null ? "mlgate deploy" : reason, actor);
        try (DeploymentTarget t = pipeline.deploymentTarget()) {
            return pipeline.deploy(t, request, Clock.systemUTC());
        }
    }

    @Override
    int exitCode(StepOutcome outcome) {
        return ExitCodes.forDeploy(outcome.status());
    }
}
