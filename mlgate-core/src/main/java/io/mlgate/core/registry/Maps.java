package io.mlgate.core.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Defensive copies for record components: never null, unmodifiable, null entries dropped. */
final class Maps {
    private Maps() {
    }

    /** Copy keeping the caller's order (metrics read best in the order they were computed). */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Sorted copy, so files written from it are byte-for-byte reproducible. */
    static <V> Map<String, V> sorted(Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, V> copy = new TreeMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    static List<String> list(List<String> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
