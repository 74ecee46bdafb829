package io.mlgate.cli;

import io.mlgate.core.deploy.DeploymentTarget;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status",
        description = {"What the target serves now (traffic split), its health, and the ledger's latest entry.",
                "Exits 6 when the target is unreachable or unhealthy, 4 when it serves something the ledger does not say."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate status -c mlgate.yaml", "  mlgate status -c mlgate.yaml --environment staging --url http://127.0.0.1:8081 --json"})
final class StatusCommand extends PipelineCommand {
    @Mixin
    DeployTargetOptions where = new DeployTargetOptions();



    @Override
    void addOverrides(CommonOptions options) {
        where.addOverrides(options);
    }

    @Override
    StepOutcome execute(Pipeline pipeline) {
        String env = where.environment(pipeline.loaded().config());
        try (DeploymentTarget t = pipeline.deploymentTarget()) {
            return pipeline.deployStatus(t, env);
        }
    }

    @Override
    int exitCode(StepOutcome outcome) {
        return ExitCodes.forDeploy(outcome.status());
    }
}
