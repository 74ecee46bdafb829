package io.mlgate.cli;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.pipeline.Outcomes;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "register",
        description = {"Register the trained model as a new immutable version, with its metrics, gate result and lineage",
                "(git commit, CI job, data and config digests, provenance). Aliases move only with 'promote'."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate register -c examples/lending-club/mlgate.yaml",
                "  mlgate register -c mlgate.yaml --model-dir build/model --tag ticket=ML-42 --json"})
final class RegisterCommand extends PipelineCommand {
    @Option(names = "--model-dir", paramLabel = "DIR", description = "The model to register (default: <output>/model).")
    Path modelDir;

    @Option(names = "--evaluation", paramLabel = "FILE",
            description = "evaluation.json whose metrics and gate result to record (default: <output>/evaluation.json when present).")
    Path evaluation;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag on the version (repeatable).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--description", paramLabel = "TEXT", description = "A description of the version.")
    String description;

    @Override
    StepOutcome execute(Pipeline pipeline) {
        Path file = evaluation != null ? evaluation.toAbsolutePath() : pipeline.outputDir().resolve("evaluation.json");
        Outcomes.Evaluation gate = null;
        if (Files.isRegularFile(file)) {
            try {
                gate = ConfigLoader.jsonMapper().readValue(Files.readString(file), Outcomes.Evaluation.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        } else if (evaluation != null) {
            throw new io.mlgate.core.config.ConfigException(file + " does not exist; run 'mlgate evaluate' first or leave out --evaluation");
        }
        return pipeline.register(modelDir == null ? null : modelDir.toAbsolutePath(), gate, tags, description);
    }
}
