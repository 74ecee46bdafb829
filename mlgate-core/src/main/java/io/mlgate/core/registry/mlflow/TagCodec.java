package io.mlgate.core.registry.mlflow;

import io.mlgate.core.registry.RegistryException;
import io.mlgate.core.util.Digests;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fits values into tags. MLflow caps model-registry tag values at 5000 characters
 * ({@code MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH}), older servers cap run tags at 5000 too, and
 * GitLab validates 5000 for model-version and run metadata and rejects empty values. A longer
 * value is split: the tag itself holds {@code mlgate-chunks:<n>:<sha256>} and the parts go to
 * {@code <key>#1 .. <key>#n}; the reader joins and checks the digest, so nothing is truncated
 * silently.
 */
final class TagCodec {
    static final int MAX_VALUE = 5000;
    static final String CHUNK_MARKER = "mlgate-chunks:";
    private static final Pattern MARKER = Pattern.compile(Pattern.quote(CHUNK_MARKER) + "([1-9][0-9]{0,4}):([0-9a-f]{64})");
    private static final Pattern PART_KEY = Pattern.compile("(.+)#([1-9][0-9]{0,4})");

    private TagCodec() {
    }

    /** Adds {@code key=value} to {@code tags} (MLflow's [{key, value}] shape), split when too long. */
    static void put(List<Map<String, String>> tags, String key, String value) {
        if (value == null) {
            return;
        }
        if (value.length() <= MAX_VALUE) {
            tags.add(tag(key, value));
            return;
        }
        List<String> parts = split(value);
        tags.add(tag(key, CHUNK_MARKER + parts.size() + ":" + Digests.sha256(value)));
        for (int i = 0; i < parts.size(); i++) {
            tags.add(tag(key + "#" + (i + 1), parts.get(i)));
        }
    }

    static Map<String, String> tag(String key, String value) {
        Map<String, String> tag = new LinkedHashMap<>();
        tag.put("key", key);
        tag.put("value", value);
        return tag;
    }

    /** Splits at most MAX_VALUE characters per part, never between the halves of a surrogate pair. */
    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < value.length()) {
            int end = Math.min(value.length(), start + MAX_VALUE);
            if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            parts.add(value.substring(start, end));
            start = end;
        }
        return parts;
    }

    /** The tags as a map with split values joined and their part tags removed. */
    static Map<String, String> decode(Map<String, String> raw, String where) {
        Map<String, String> result = new TreeMap<>(raw);
        for (Map.Entry<String, String> e : raw.entrySet()) {
            Matcher m = MARKER.matcher(e.getValue());
            if (!m.matches()) {
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            StringBuilder joined = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                String part = raw.get(e.getKey() + "#" + i);
                if (part == null) {
                    throw new RegistryException("Tag " + e.getKey() + " of " + where + " is split into " + n + " parts but part " + i
                            + " is missing; the tags were edited outside mlgate: restore them or register a new version");
                }
                joined.append(part);
                result.remove(e.getKey() + "#" + i);
            }
            String value = joined.toString();
            if (!Digests.sha256(value).equals(m.group(2))) {
                throw new RegistryException("Tag " + e.getKey() + " of " + where + " does not match its recorded sha256; "
                        + "the tags were edited outside mlgate: restore them or register a new version");
            }
            result.put(e.getKey(), value);
        }
        return result;
    }

    /** Whether {@code key} is a part tag ({@code <key>#<n>}) of a split value. */
    static boolean isPart(String key) {
        return PART_KEY.matcher(key).matches();
    }
}
