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

@Command(name = "rollback",
        description = {"Put back the routing state before the last deploy or promote of the environment, from the deployment",
                "ledger (two rollbacks go two steps back). Smoke-checked like a deploy; a reason is required."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate rollback -c mlgate.yaml --reason \"INC-42: approval rate dropped\""})
final class RollbackCommand extends PipelineCommand {
    @Mixin
    DeployTargetOptions where = new DeployTargetOptions();

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; recorded in the ledger.")
    String reason;

    @Option(names = "--actor", paramLabel = "USER", description = "Who (default: from the CI environment or the OS user).")
    String actor;



    @Override
    void addOverrides(CommonOptions options) {
        where.addOverrides(options);
    }

    @Override
    StepOutcome execute(Pipeline pipeline) {
        var config = pipeline.loaded().config();
        String env = where.environment(config);
        DeployRequest request = new DeployRequest(config.model(), env, Strategy.ROLLBACK, null, 0, reason, actor);
        try (DeploymentTarget t = pipeline.deploymentTarget()) {
            return pipeline.deploy(t, request, Clock.systemUTC());
        }
    }

    @Override
    int exitCode(StepOutcome outcome) {
        return ExitCodes.forDeploy(outcome.status());
    }
}
