package io.mlgate.core.registry;

/**
 * Misuse of a model registry: an unknown model, version or alias, an invalid name, a missing
 * reason, a registry that cannot be opened. The message names the thing and the fix.
 */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
