package io.mlgate.core.config;

/** mlgate.yaml or a command-line override is wrong; the message names the file, line and key. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
