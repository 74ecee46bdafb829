package io.mlgate.cli;

import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate",
        description = {"Check a CSV against the data contract and the reference data: columns, types, nulls, ranges,",
                "categories, duplicate keys, row count, and per-feature drift (PSI, Jensen-Shannon distance).",
                "The contract is inferred from the reference and written to contract.file when absent.",
                "Exit 0 passed, 4 warning (drift above psi_warn), 5 invalid data (broken schema, drift above psi_fail)."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate validate -c examples/lending-club/mlgate.yaml",
                "  mlgate validate -c mlgate.yaml --data data/2026-12-batch.csv --json"})
final class ValidateCommand extends PipelineCommand {
    @Option(names = "--data", paramLabel = "CSV", description = "The CSV to validate (default: data.current, else data.holdout).")
    Path data;

    @Option(names = "--reference", paramLabel = "CSV", description = "Drift baseline (default: data.reference, else data.train).")
    Path reference;

    @Override
    void addOverrides(CommonOptions options) {
        if (reference != null) {
            options.override("data.reference", reference.toAbsolutePath());
        }
    }

    @Override
    StepOutcome execute(Pipeline pipeline) {
        return pipeline.validate(data == null ? null : data.toAbsolutePath());
    }

    @Override
    int exitCode(StepOutcome outcome) {
        return ExitCodes.forValidation(outcome.status());
    }
}
