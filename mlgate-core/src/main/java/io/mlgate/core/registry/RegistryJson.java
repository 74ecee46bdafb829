package io.mlgate.core.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * JSON of the registry files. Readers ignore unknown keys (unlike mlgate.yaml): a registry is
 * shared by agents that may run different mlgate versions, and an older one must still read
 * files a newer one wrote. Each file's {@code format} says which layout it has.
 */
final class RegistryJson {
    private static final ObjectMapper MAPPER = ConfigLoader.jsonMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RegistryJson() {
    }

    /** Pretty JSON with a trailing newline, for files people read. */
    static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** One-line JSON, for history lines. */
    static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }
}
