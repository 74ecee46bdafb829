package io.mlgate.core.config;

import java.nio.file.Path;

/**
 * A parsed and checked pipeline configuration with the place it came from.
 *
 * @param file    the mlgate.yaml read, or null when the configuration came only from overrides
 * @param baseDir the directory relative paths are resolved against
 * @param config  the configuration, overrides applied
 */
public record LoadedConfig(Path file, Path baseDir, PipelineConfig config) {

    /** Resolves a path of the configuration against its directory; null stays null. */
    public Path resolve(String path) {
        return path == null ? null : baseDir.resolve(path).normalize();
    }

    /** The display name of the configuration source, for messages. */
    public String sourceName() {
        return file == null ? "command line" : file.toString();
    }
}
