package io.mlgate.cli;

import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of the commands that work on a pipeline: loads the config, prints the outcome, maps the exit code. */
abstract class PipelineCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** Adds command-specific overrides before the config is loaded. */
    void addOverrides(CommonOptions options) {
    }

    /** Runs the step and returns its outcome. */
    abstract StepOutcome execute(Pipeline pipeline);

    /** The exit code of an outcome. */
    int exitCode(StepOutcome outcome) {
        return ExitCodes.forGate(outcome.status());
    }

    @Override
    public Integer call() {
        addOverrides(common);
        LoadedConfig loaded = common.load();
        Pipeline pipeline = new Pipeline(loaded, TerminalProgress.forTerminal(common.noProgress || common.json), System.getenv());
        StepOutcome outcome = execute(pipeline);
        print(outcome);
        return exitCode(outcome);
    }

    void print(StepOutcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter human = common.json ? spec.commandLine().getErr() : out;
        for (String message : outcome.messages()) {
            human.println(message);
        }
        human.println(spec.name() + ": " + outcome.status());
        human.flush();
        if (common.json) {
            out.print(Pipeline.toJson(outcome));
            out.flush();
        }
    }
}
