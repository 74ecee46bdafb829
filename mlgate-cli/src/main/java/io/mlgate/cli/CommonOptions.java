package io.mlgate.cli;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.LoadedConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every pipeline command takes: the config, field overrides, JSON output. */
public final class CommonOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Pipeline contract (default: ${DEFAULT-VALUE}). Paths inside are relative to its directory.",
            defaultValue = "mlgate.yaml")
    Path config;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Override any field of mlgate.yaml, e.g. --set train.params.depth=4 --set gates.0.threshold=0.8 (repeatable).")
    List<String> sets = List.of();

    @Option(names = "--model", paramLabel = "NAME", description = "Override 'model' (registry name).")
    String model;

    @Option(names = "--registry", paramLabel = "URI", description = "Override 'registry', e.g. file:/srv/mlgate/registry.")
    String registry;

    @Option(names = "--output", paramLabel = "DIR", description = "Override 'output' (where reports and results are written).")
    String output;

    @Option(names = "--json", description = "Print the result as JSON on stdout (human-readable lines go to stderr).")
    boolean json;

    @Option(names = "--no-progress", description = "Never show a progress bar.")
    boolean noProgress;

    private final Map<String, String> extra = new LinkedHashMap<>();

    /** Adds a command-specific override (e.g. --data sets data.current). */
    void override(String key, Object value) {
        if (value != null) {
            extra.put(key, String.valueOf(value));
        }
    }

    LoadedConfig load() {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new io.mlgate.core.config.ConfigException("--set " + set + ": expected KEY=VALUE, e.g. --set train.params.depth=4");
            }
            overrides.put(set.substring(0, eq).trim(), set.substring(eq + 1));
        }
        if (model != null) {
            overrides.put("model", model);
        }
        if (registry != null) {
            overrides.put("registry", registry);
        }
        if (output != null) {
            overrides.put("output", output);
        }
        overrides.putAll(extra);
        boolean explicit = !config.toString().equals("mlgate.yaml");
        return ConfigLoader.load(config, explicit || !overrides.containsKey("model"), overrides);
    }
}
