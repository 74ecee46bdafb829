package io.mlgate.cli;

import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.registry.HistoryEntry;
import io.mlgate.core.util.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "history",
        description = "Show the model's append-only history: who registered or moved what, when and why.",
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate history -c examples/lending-club/mlgate.yaml", "  mlgate history -c mlgate.yaml --json"})
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedConfig loaded = common.load();
        List<HistoryEntry> history = new Pipeline(loaded, Progress.NONE, Map.of()).registry().history(loaded.config().model());
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.print(Pipeline.toJson(history));
        } else {
            for (HistoryEntry e : history) {
                out.printf("%s  %-9s version %-5s %s%s by %s%s%n", e.at(), e.action(), e.version(),
                        e.alias() == null ? "" : e.alias() + " ",
                        e.previousVersion() == null ? "" : "(was " + e.previousVersion() + ") ",
                        e.actor(), e.reason() == null ? "" : ": " + e.reason());
            }
            if (history.isEmpty()) {
                out.println(loaded.config().model() + ": no history yet");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
