package io.mlgate.cli;

import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train",
        description = {"Train the configured candidates on data.train, pick the best on a validation split,",
                "and save the model (Tribuo protobuf), its card, provenance and training curves."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate train -c examples/lending-club/mlgate.yaml",
                "  mlgate train -c mlgate.yaml --trainer logistic --set train.params.epochs=10 --model-dir build/model"})
final class TrainCommand extends PipelineCommand {
    @Option(names = "--model-dir", paramLabel = "DIR", description = "Where to save the model (default: <output>/model).")
    Path modelDir;

    @Option(names = "--train", paramLabel = "CSV", description = "Override data.train.")
    Path train;

    @Option(names = "--trainer", paramLabel = "NAME", description = "Override train.trainer.")
    String trainer;

    @Option(names = "--seed", paramLabel = "N", description = "Override train.seed.")
    Long seed;

    @Override
    void addOverrides(CommonOptions options) {
        options.override("data.train", train == null ? null : train.toAbsolutePath());
        options.override("train.trainer", trainer);
        options.override("train.seed", seed);
    }

    @Override
    StepOutcome execute(Pipeline pipeline) {
        return pipeline.train(modelDir == null ? null : modelDir.toAbsolutePath());
    }
}
