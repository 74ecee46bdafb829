package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data contract: the columns a CSV must have and the limits of their values.
 *
 * @param file              where an inferred contract is written and read, default
 *                          {@code mlgate.contract.yaml} beside mlgate.yaml
 * @param key               columns whose combined value must be unique (duplicate check)
 * @param columns           column name to its rules; empty means "infer from the reference"
 * @param unexpectedColumns what a column not in the contract does: fail (default), warn, ignore
 * @param minRows           fewer rows than this fails validation
 * @param drift             drift thresholds
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContractSpec(
        String file,
        List<String> key,
        Map<String, ColumnSpec> columns,
        Severity unexpectedColumns,
        Integer minRows,
        DriftSpec drift) {

    public ContractSpec {
        key = key == null ? List.of() : List.copyOf(key);
        columns = columns == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        unexpectedColumns = unexpectedColumns == null ? Severity.FAIL : unexpectedColumns;
        minRows = minRows == null ? 1 : minRows;
        drift = drift == null ? DriftSpec.defaults() : drift;
    }

    public static ContractSpec empty() {
        return new ContractSpec(null, null, null, null, null, null);
    }

    /** The contract file name, default {@code mlgate.contract.yaml}. */
    public String fileOrDefault() {
        return file != null ? file : "mlgate.contract.yaml";
    }

    /** A copy with the given columns (used when a contract is inferred). */
    public ContractSpec withColumns(Map<String, ColumnSpec> newColumns) {
        return new ContractSpec(file, key, newColumns, unexpectedColumns, minRows, drift);
    }
}
