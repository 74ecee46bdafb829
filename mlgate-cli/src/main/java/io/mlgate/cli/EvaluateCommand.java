package io.mlgate.cli;

import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate",
        description = {"Score the candidate and the registry's production model on the same holdout rows and apply the gates.",
                "Writes evaluation.json, junit.xml (one test case per gate), metrics.txt (OpenMetrics) and report.html.",
                "Exit 0 passed, 3 a gate failed, 4 a gate warned."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate evaluate -c examples/lending-club/mlgate.yaml",
                "  mlgate evaluate -c mlgate.yaml --set gates.0.threshold=0.8 --json"})
final class EvaluateCommand extends PipelineCommand {
    @Option(names = "--model-dir", paramLabel = "DIR", description = "The candidate model (default: <output>/model).")
    Path modelDir;

    @Option(names = "--holdout", paramLabel = "CSV", description = "Override data.holdout.")
    Path holdout;

    @Override
    void addOverrides(CommonOptions options) {
        options.override("data.holdout", holdout == null ? null : holdout.toAbsolutePath());
    }

    @Override
    StepOutcome execute(Pipeline pipeline) {
        return pipeline.evaluate(modelDir == null ? null : modelDir.toAbsolutePath(), null);
    }
}
