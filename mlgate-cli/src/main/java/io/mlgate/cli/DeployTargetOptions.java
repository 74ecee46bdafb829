package io.mlgate.cli;

import io.mlgate.core.config.PipelineConfig;
import picocli.CommandLine.Option;

/** Where a deploy, rollback or status goes: the ledger environment and the target overrides. */
final class DeployTargetOptions {
    @Option(names = "--environment", paramLabel = "ENV", description = "Ledger environment (default: deploy.environment, else production).")
    String environment;

    @Option(names = "--target", paramLabel = "T", description = "Override deploy.target: local | kubernetes.")
    String target;

    @Option(names = "--url", paramLabel = "URL", description = "Override deploy.url (local server, default http://127.0.0.1:8080).")
    String url;

    /** Applies --target and --url as overrides of the deploy block. */
    void addOverrides(CommonOptions options) {
        options.override("deploy.target", target);
        options.override("deploy.url", url);
    }

    /** The environment: --environment, else deploy.environment. */
    String environment(PipelineConfig config) {
        return environment != null ? environment : config.deploy().environment();
    }
}
