package io.mlgate.cli;

import io.mlgate.core.data.CsvSource;
import io.mlgate.core.monitor.DatasetBuilder;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mlgate dataset}: training data from production. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Training data from production: see 'mlgate dataset build --help'."},
        subcommands = {DatasetCommand.Build.class})
final class DatasetCommand {

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Join labelled outcomes to the inputs in the server's prediction log by request id and write a CSV with",
                    "the contract's columns and the label (atomically); with --append-to, also append the rows to a training CSV",
                    "(ids already appended by an earlier build are skipped). Reports joined and unmatched counts."},
            footerHeading = "%nExamples:%n",
            footer = {"  mlgate dataset build -c mlgate.yaml --from-log /var/log/mlgate --outcomes outcomes.csv --out train-new.csv",
                    "  mlgate dataset build -c mlgate.yaml --from-log logs --outcomes outcomes.json --out new.csv --append-to data/train.csv"})
    static final class Build extends PipelineCommand {
        @Option(names = "--from-log", required = true, paramLabel = "DIR", description = "The server's --prediction-log directory.")
        Path log;

        @Option(names = "--outcomes", required = true, paramLabel = "FILE",
                description = "CSV (request_id|id, actual|outcome|<label>) or JSON ({id: actual} or [{request_id, actual}]).")
        Path outcomes;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV to write (new rows only).")
        Path out;

        @Option(names = "--append-to", paramLabel = "FILE", description = "Also append the new rows to this training CSV (its header decides the columns).")
        Path appendTo;

        @Override
        StepOutcome execute(Pipeline pipeline) {
            var config = pipeline.loaded().config();
            List<String> columns = appendTo != null ? List.of() : new ArrayList<>(pipeline.contract().contract().columns().keySet());
            if (appendTo == null && columns.isEmpty() && config.data().train() != null) {
                try (CsvSource csv = CsvSource.open(pipeline.loaded().resolve(config.data().train()))) {
                    columns = csv.header();
                }
            }
            return DatasetBuilder.build(log, outcomes, out, appendTo, columns, config.label());
        }
    }
}
