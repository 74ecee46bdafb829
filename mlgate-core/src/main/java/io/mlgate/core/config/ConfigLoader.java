package io.mlgate.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads mlgate.yaml strictly: unknown keys and wrong types are errors that name the key, the
 * line and the column. Command-line overrides ({@code train.params.depth=4},
 * {@code gates.0.threshold=0.8}) are applied on top and checked the same way.
 */
public final class ConfigLoader {

    private static final YAMLMapper YAML = configure(YAMLMapper.builder(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()))
            .build();

    private ConfigLoader() {
    }

    private static <B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<?, B>> B configure(B builder) {
        return builder
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }

    /** The YAML mapper mlgate uses for its own files (snake_case, strict). */
    public static ObjectMapper yamlMapper() {
        return YAML;
    }

    /** A JSON mapper with the same naming rules, for reports. */
    public static ObjectMapper jsonMapper() {
        return configure(JsonMapper.builder()).build();
    }

    /**
     * Loads a configuration.
     *
     * @param file      mlgate.yaml; may be null or absent when {@code required} is false
     * @param required  whether a missing file is an error
     * @param overrides dotted key to YAML scalar/flow value, applied in order
     */
    public static LoadedConfig load(Path file, boolean required, Map<String, String> overrides) {
        ObjectNode tree;
        Path baseDir;
        Path source = null;
        if (file != null && Files.exists(file)) {
            source = file.toAbsolutePath().normalize();
            baseDir = source.getParent();
            tree = readTree(source);
            // Bind the file alone first so errors carry its line numbers.
            bind(tree, source, null, readText(source));
        } else if (required) {
            throw new ConfigException("Configuration file " + file + " does not exist; pass --config with the path of your mlgate.yaml.");
        } else {
            baseDir = Path.of("").toAbsolutePath();
            tree = JsonNodeFactory.instance.objectNode();
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            apply(tree, override.getKey(), override.getValue());
        }
        PipelineConfig config = overrides.isEmpty() && source != null
                ? bind(tree, source, null, null)
                : bind(tree, source, overrides, null);
        LoadedConfig loaded = new LoadedConfig(source, baseDir, config);
        ConfigValidator.check(loaded);
        return loaded;
    }

    /** Parses a configuration held in a string (tests, stdin). */
    public static PipelineConfig parse(String yaml, String sourceName) {
        try {
            return YAML.readValue(yaml, PipelineConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(e, sourceName, yaml));
        }
    }

    /** Writes a configuration (or any record of it) as YAML. */
    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write YAML for " + value.getClass().getSimpleName(), e);
        }
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode readTree(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ":1:1: the configuration must be a mapping of keys (model:, task:, data: ...), not a " + node.getNodeType().name().toLowerCase());
            }
            return (ObjectNode) node;
        } catch (NoSuchFileException e) {
            throw new ConfigException("Configuration file " + file + " does not exist.");
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(e, file.toString(), null));
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static PipelineConfig bind(ObjectNode tree, Path source, Map<String, String> overrides, String text) {
        try {
            if (text != null) {
                return YAML.readValue(text, PipelineConfig.class);
            }
            return YAML.treeToValue(tree, PipelineConfig.class);
        } catch (JsonProcessingException e) {
            String where = overrides != null ? "command-line override (" + String.join(", ", overrides.keySet()) + ")"
                    : source != null ? source.toString() : "configuration";
            throw new ConfigException(describe(e, where, text));
        } catch (IllegalArgumentException e) {
            throw new ConfigException((source != null ? source + ": " : "") + e.getMessage(), e);
        }
    }

    /** Turns a Jackson error into "file:line:col: what is wrong at key a.b.c; what to do". */
    public static String describe(JsonProcessingException e, String sourceName, String text) {
        StringBuilder message = new StringBuilder(sourceName);
        int[] at = null;
        if (text != null && e instanceof JsonMappingException mapping) {
            at = YamlLocator.locate(text, pathSteps(mapping));
        }
        JsonLocation location = e.getLocation();
        if (at != null) {
            message.append(':').append(at[0]).append(':').append(at[1]);
        } else if (location != null && location.getLineNr() > 0 && !sourceName.startsWith("command-line")) {
            message.append(':').append(location.getLineNr()).append(':').append(location.getColumnNr());
        }
        message.append(": ");
        if (e instanceof UnrecognizedPropertyException unknown) {
            String path = path(unknown);
            message.append("unknown key '").append(unknown.getPropertyName()).append('\'');
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            if (!parent.isEmpty()) {
                message.append(" in ").append(parent);
            }
            Collection<Object> known = unknown.getKnownPropertyIds();
            if (known != null && !known.isEmpty()) {
                message.append("; known keys: ").append(known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
            }
        } else if (e instanceof JsonMappingException mapping) {
            String path = path(mapping);
            String original = mapping.getOriginalMessage();
            Throwable cause = mapping.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                original = cause.getMessage();
            } else if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                original = "expected " + expected(mismatch.getTargetType()) + found(mismatch);
            }
            message.append(path.isEmpty() ? "" : "wrong value for '" + path + "': ").append(firstLine(original));
        } else {
            message.append("not valid YAML: ").append(firstLine(e.getOriginalMessage()));
        }
        return message.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys";
        }
        return "a " + type.getSimpleName();
    }

    private static String found(MismatchedInputException e) {
        String original = e.getOriginalMessage();
        if (original != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("from String value \\(\"([^\"]*)\"\\)|String value \\(\"([^\"]*)\"\\)").matcher(original);
            if (m.find()) {
                return ", found \"" + (m.group(1) != null ? m.group(1) : m.group(2)) + "\"";
            }
        }
        return "";
    }

    private static java.util.List<Object> pathSteps(JsonMappingException e) {
        java.util.List<Object> steps = new java.util.ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                steps.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                steps.add(ref.getIndex());
            }
        }
        if (e instanceof UnrecognizedPropertyException u && (steps.isEmpty() || !u.getPropertyName().equals(steps.get(steps.size() - 1)))) {
            steps.add(u.getPropertyName());
        }
        return steps;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Sets {@code a.b.0.c=value} in the tree, creating objects on the way. */
    static void apply(ObjectNode root, String key, String value) {
        if (key == null || key.isBlank()) {
            throw new ConfigException("Empty override key; write --set key.path=value, e.g. --set train.params.depth=4");
        }
        JsonNode parsedValue;
        try {
            parsedValue = value == null ? JsonNodeFactory.instance.nullNode() : YAML.readTree(value);
            if (parsedValue == null || parsedValue.isMissingNode()) {
                parsedValue = JsonNodeFactory.instance.nullNode();
            }
        } catch (JsonProcessingException e) {
            throw new ConfigException("command-line override " + key + "=" + value + ": value is not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        String[] parts = key.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            String next = last ? null : parts[i + 1];
            if (node instanceof ObjectNode object) {
                if (last) {
                    object.set(part, parsedValue);
                } else {
                    JsonNode child = object.get(part);
                    if (child == null || child.isNull() || child.isValueNode()) {
                        child = isIndex(next) ? object.putArray(part) : object.putObject(part);
                    }
                    node = child;
                }
            } else if (node instanceof ArrayNode array && isIndex(part)) {
                int index = Integer.parseInt(part);
                while (array.size() <= index) {
                    array.add(isIndex(next) ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode());
                }
                if (last) {
                    array.set(index, parsedValue);
                } else {
                    node = array.get(index);
                }
            } else {
                throw new ConfigException("command-line override " + key + ": '" + part + "' cannot be set inside a " + node.getNodeType().name().toLowerCase() + "; check the key path against the config reference in the README");
            }
        }
    }

    private static boolean isIndex(String part) {
        return part != null && part.chars().allMatch(Character::isDigit) && !part.isEmpty();
    }

    /** Ordered map helper for callers building overrides. */
    public static Map<String, String> overrides() {
        return new LinkedHashMap<>();
    }
}
