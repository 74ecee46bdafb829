package io.mlgate.cli;

import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "promote",
        description = {"Move an alias (candidate, staging, production) to a version. A reason is required;",
                "who, when, what and why go into the registry's append-only history."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate promote -c mlgate.yaml --version 3 --to production --reason \"CAB-1234 approved\""})
final class PromoteCommand extends PipelineCommand {
    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "The version to promote.")
    String version;

    @Option(names = "--to", paramLabel = "ALIAS", defaultValue = "production", description = "The alias to move (default: ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; recorded in the history.")
    String reason;

    @Option(names = "--actor", paramLabel = "USER", description = "Who (default: from the CI environment or the OS user).")
    String actor;

    @Override
    StepOutcome execute(Pipeline pipeline) {
        if (reason.isBlank()) {
            throw new io.mlgate.core.config.ConfigException("--reason is empty; say why this version moves to " + alias);
        }
        return pipeline.promote(version, alias, reason, actor);
    }
}
