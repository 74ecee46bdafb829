package io.mlgate.cli;

import io.mlgate.core.config.ConfigException;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.deploy.DeploymentLedger;
import io.mlgate.core.deploy.LedgerState;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.registry.HistoryEntry;
import io.mlgate.core.util.Progress;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history",
        description = {"Show the model's append-only history: who registered, moved or deployed what, when and why.",
                "With --environment only that environment's entries; with --at what was deployed there at that time."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate history -c examples/lending-club/mlgate.yaml", "  mlgate history -c mlgate.yaml --json",
                "  mlgate history -c mlgate.yaml --environment production --at 2026-12-05T10:00:00Z"})
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--environment", paramLabel = "ENV", description = "Only entries of this environment or alias (e.g. production).")
    String environment;

    @Option(names = "--at", paramLabel = "TIME", description = "What was deployed in --environment (default production) at this ISO-8601 instant, e.g. 2026-12-05T10:00:00Z.")
    String at;

    @Override
    public Integer call() {
        LoadedConfig loaded = common.load();
        Pipeline pipeline = new Pipeline(loaded, Progress.NONE, Map.of());
        String model = loaded.config().model();
        PrintWriter out = spec.commandLine().getOut();
        if (at != null) {
            return printAt(pipeline, model, out);
        }
        List<HistoryEntry> history = pipeline.registry().history(model).stream()
                .filter(e -> environment == null || environment.equals(e.alias())).toList();
        if (common.json) {
            out.print(Pipeline.toJson(history));
        } else {
            for (HistoryEntry e : history) {
                String traffic = e.details().get(DeploymentLedger.TRAFFIC);
                out.printf("%s  %-9s version %-5s %s%s by %s%s%s%n", e.at(), e.action(), e.version(),
                        e.alias() == null ? "" : e.alias() + " ",
                        e.previousVersion() == null ? "" : "(was " + e.previousVersion() + ") ",
                        e.actor(), e.reason() == null ? "" : ": " + e.reason(),
                        traffic == null ? "" : " [" + DeploymentLedger.parseTraffic(traffic).describe() + " on " + e.details().get(DeploymentLedger.TARGET) + "]");
            }
            if (history.isEmpty()) {
                out.println(model + ": no history yet" + (environment == null ? "" : " for " + environment));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int printAt(Pipeline pipeline, String model, PrintWriter out) {
        Instant when;
        try {
            when = Instant.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigException("--at " + at + ": expected an ISO-8601 instant such as 2026-12-05T10:00:00Z");
        }
        String env = environment != null ? environment : pipeline.loaded().config().deploy().environment();
        Optional<LedgerState> state = new DeploymentLedger(pipeline.registry()).at(model, env, when);
        // a registry that only ever had its alias promoted (never deployed) still answers from the alias
        Optional<String> alias = state.isPresent() ? Optional.empty() : pipeline.registry().aliasAt(model, env, when);
        if (common.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model", model);
            json.put("environment", env);
            json.put("at", when.toString());
            json.put("traffic", state.map(LedgerState::traffic).orElse(null));
            json.put("entry", state.map(LedgerState::entry).orElse(null));
            json.put("alias_version", alias.orElse(null));
            out.print(Pipeline.toJson(json));
        } else if (state.isPresent()) {
            out.println(model + " in " + env + " at " + when + ": " + state.get().describe());
        } else if (alias.isPresent()) {
            out.println(model + " in " + env + " at " + when + ": version " + alias.get() + " (registry alias; no deployment recorded)");
        } else {
            out.println(model + " in " + env + " at " + when + ": nothing deployed");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
