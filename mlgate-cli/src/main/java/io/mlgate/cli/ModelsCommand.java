package io.mlgate.cli;

import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.registry.ModelVersion;
import io.mlgate.core.util.Progress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "models",
        description = "List the registered versions of the model (or every model with --all), with aliases, gate result and key metrics.",
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate models -c examples/lending-club/mlgate.yaml", "  mlgate models --registry file:/srv/mlgate --all --json"})
final class ModelsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "List every model in the registry.")
    boolean all;

    @Override
    public Integer call() {
        if (all && common.model == null) {
            common.model = "all";
        }
        LoadedConfig loaded = common.load();
        ModelRegistry registry = new Pipeline(loaded, Progress.NONE, Map.of()).registry();
        List<String> names = all ? registry.models() : List.of(loaded.config().model());
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Map<String, List<ModelVersion>> result = new java.util.LinkedHashMap<>();
            for (String name : names) {
                result.put(name, registry.versions(name));
            }
            out.print(Pipeline.toJson(result));
        } else {
            for (String name : names) {
                List<ModelVersion> versions = registry.versions(name);
                out.println(name + ": " + versions.size() + " version(s)");
                for (ModelVersion v : versions) {
                    out.printf("  %-6s %-20s %-13s %-24s %s%n", v.version(), v.created(), v.gateStatus(),
                            v.aliases().isEmpty() ? "-" : String.join(",", v.aliases()), Formats.metrics(v.metrics()));
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
