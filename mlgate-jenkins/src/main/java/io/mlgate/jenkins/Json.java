package io.mlgate.jenkins;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Reads the CLI's JSON result (Jackson from the jackson2-api plugin). */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The JSON object printed on stdout, or null when there is none (e.g. a usage error). */
    static Map<String, Object> parseObject(String text) {
        if (text == null) {
            return null;
        }
        int start = text.indexOf('{');
        if (start < 0) {
            return null;
        }
        try {
            return MAPPER.readValue(text.substring(start), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
