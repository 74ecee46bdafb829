package io.mlgate.core.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON of the registry files and records, for every registry implementation. Readers ignore
 * unknown keys (unlike mlgate.yaml): a registry is shared by agents that may run different
 * mlgate versions, and an older one must still read what a newer one wrote. Each file's
 * {@code format} says which layout it has.
 */
public final class RegistryJson {
    private static final ObjectMapper MAPPER = ConfigLoader.jsonMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RegistryJson() {
    }

    /** A mapper configured like the registry's own; a copy, so the caller cannot change how the registry reads. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** Pretty JSON with a trailing newline, for files people read. */
    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** One-line JSON, for history lines and tag values. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(String json, TypeReference<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }
}
