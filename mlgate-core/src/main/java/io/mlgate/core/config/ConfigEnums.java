package io.mlgate.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case, dash or underscore spelled enum values of mlgate.yaml. */
final class ConfigEnums {
    private ConfigEnums() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "'" + value + "' is not a valid " + field + "; use one of: " + allowed);
    }

    static String yamlName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
