package io.mlgate.cli;

import io.mlgate.core.pipeline.Outcomes;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import picocli.CommandLine.Command;

@Command(name = "run",
        description = {"The whole pipeline: validate -> train -> evaluate -> register, then promote to promote.to",
                "(default production) when the gates pass. A failed validation exits 5 and a failed gate exits 3,",
                "before anything is registered, so production is never touched by a worse model."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate run --config examples/lending-club/mlgate.yaml",
                "  mlgate run -c mlgate.yaml --set promote.to=staging --json"})
final class RunCommand extends PipelineCommand {
    @Override
    StepOutcome execute(Pipeline pipeline) {
        return pipeline.run();
    }

    @Override
    int exitCode(StepOutcome outcome) {
        Outcomes.Run run = (Outcomes.Run) outcome;
        if ("validate".equals(run.stoppedAt())) {
            return ExitCodes.forValidation(run.status());
        }
        return ExitCodes.forGate(run.status());
    }
}
