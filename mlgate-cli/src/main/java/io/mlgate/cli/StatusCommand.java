package io.mlgate.cli;

import io.mlgate.core.deploy.DeploymentTarget;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status",
        description = {"What the target serves now (traffic split), its health, and the ledger's latest entry.",
                "Exits 6 when the target is unreachable or unhealthy, 4 when it serves something the ledger does not say."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate status -c mlgate.yaml", "  mlgate status -c mlgate.yaml --environment staging --url http://127.0.0.1:8081 --json"})
final class StatusCommand extends PipelineCommand {
    @Option(names = "--environment", paramLabel = "ENV", description = "Ledger environment (default: deploy.environment, else production).")
    String environment;

    @Option(names = "--target", paramLabel = "T", description = "Override deploy.target: local | kubernetes.")
    String target;

    @Option(names = "--url", paramLabel = "URL", description = "Override deploy.url.")
    String url;

    @Override
    void addOverrides(CommonOptions options) {
        options.override("deploy.target", target);
        options.override("deploy.url", url);
    }

    @Override
    StepOutcome execute(Pipeline pipeline) {
        String env = environment != null ? environment : pipeline.loaded().config().deploy().environment();
        try (DeploymentTarget t = pipeline.deploymentTarget()) {
            return pipeline.deployStatus(t, env);
        }
    }

    @Override
    int exitCode(StepOutcome outcome) {
        return ExitCodes.forDeploy(outcome.status());
    }
}
