package io.mlgate.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ConfigException;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.YamlLocator;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the data contract of a pipeline, in this order:
 * <ol>
 * <li>{@code contract.columns} in mlgate.yaml ({@link ResolvedContract.Source#YAML});</li>
 * <li>the contract file, {@code contract.file} (default {@code mlgate.contract.yaml} beside
 * mlgate.yaml), when it exists ({@link ResolvedContract.Source#FILE});</li>
 * <li>else inferred from {@code data.reference} (or {@code data.train}) and written atomically to
 * the contract file so it can be reviewed and committed ({@link ResolvedContract.Source#INFERRED}).</li>
 * </ol>
 *
 * <p>The written file holds the columns only, so thresholds stay in mlgate.yaml, where users look
 * for them. A contract file may still set {@code key}, {@code unexpected_columns},
 * {@code min_rows} or {@code drift}; a key present in the file wins over mlgate.yaml.
 */
public final class ContractResolver {
    private ContractResolver() {
    }

    /** Resolves the contract of a loaded configuration; see the class comment for the order. */
    public static ResolvedContract resolve(LoadedConfig loaded) {
        PipelineConfig config = loaded.config();
        ContractSpec settings = config.contract();
        if (!settings.columns().isEmpty()) {
            requireTypes(settings, loaded.file(), List.of("contract", "columns"), loaded.sourceName());
            return new ResolvedContract(settings, ResolvedContract.Source.YAML, loaded.file());
        }
        Path file = loaded.resolve(settings.fileOrDefault());
        if (Files.exists(file)) {
            return new ResolvedContract(read(file, settings), ResolvedContract.Source.FILE, file);
        }
        String reference = config.data().referenceOrTrain();
        if (reference == null) {
            throw new ConfigException(loaded.sourceName() + ": there is no data contract: contract.columns is empty, "
                    + file + " does not exist, and neither data.reference nor data.train is set to infer one from; "
                    + "set data.train (or data.reference), or write contract.columns");
        }
        Path referenceFile = loaded.resolve(reference);
        ContractSpec inferred = ContractInferrer.infer(referenceFile, config);
        write(file, inferred, referenceFile.getFileName().toString());
        return new ResolvedContract(inferred, ResolvedContract.Source.INFERRED, file);
    }

    /**
     * Writes the columns of a contract as YAML, atomically, with a comment saying where they came
     * from and what to do with the file.
     */
    public static void write(Path file, ContractSpec contract, String inferredFrom) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", contract.columns());
        String header = "# Data contract of this pipeline"
                + (inferredFrom != null ? ", inferred by mlgate from " + inferredFrom : "") + ".\n"
                + "# Review and commit it; mlgate reads it instead of inferring again. Numeric min/max are the\n"
                + "# observed range widened by its span on each side (never across zero); tighten them where you know better.\n";
        AtomicFiles.write(file, header + ConfigLoader.toYaml(body));
    }

    /**
     * Reads a contract file. Its columns replace those of {@code settings}; key, unexpected_columns,
     * min_rows and drift come from the file where it sets them, else from {@code settings}.
     *
     * @throws ConfigException naming file:line:column and the key when the file is not a valid contract
     */
    public static ContractSpec read(Path file, ContractSpec settings) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the data contract " + file + ": " + e.getMessage(), e);
        }
        JsonNode tree;
        ContractSpec fromFile;
        try {
            tree = ConfigLoader.yamlMapper().readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ConfigException(file + ":1:1: the data contract is empty; delete the file to infer it again "
                        + "from the reference data, or list the columns under 'columns:'");
            }
            if (!tree.isObject()) {
                throw new ConfigException(file + ":1:1: the data contract must be a mapping with 'columns:', not a "
                        + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            fromFile = ConfigLoader.yamlMapper().readValue(text, ContractSpec.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(ConfigLoader.describe(e, file.toString(), text) + " (data contract)", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
        if (fromFile.columns().isEmpty()) {
            throw new ConfigException(file + ":1:1: the data contract has no columns; delete the file to infer it again "
                    + "from the reference data, or list the columns under 'columns:'");
        }
        requireTypes(fromFile, file, List.of("columns"), file.toString());
        return new ContractSpec(
                settings.file(),
                tree.has("key") ? fromFile.key() : settings.key(),
                fromFile.columns(),
                tree.has("unexpected_columns") ? fromFile.unexpectedColumns() : settings.unexpectedColumns(),
                tree.has("min_rows") ? fromFile.minRows() : settings.minRows(),
                tree.has("drift") ? fromFile.drift() : settings.drift());
    }

    /** Every column needs a type; the error points at the column's key. */
    private static void requireTypes(ContractSpec contract, Path file, List<Object> columnsPath, String sourceName) {
        for (Map.Entry<String, ColumnSpec> column : contract.columns().entrySet()) {
            if (column.getValue() == null || column.getValue().type() == null) {
                int[] at = null;
                if (file != null) {
                    try {
                        List<Object> path = new ArrayList<>(columnsPath);
                        path.add(column.getKey());
                        at = YamlLocator.locate(Files.readString(file), path);
                    } catch (IOException e) {
                        at = null; // the message without a line is still right
                    }
                }
                throw new ConfigException(sourceName + (at != null ? ":" + at[0] + ":" + at[1] : "") + ": column '"
                        + column.getKey() + "' has no 'type'; use one of: int, float, category, bool, string");
            }
        }
    }
}
