package io.mlgate.core.data;

import io.mlgate.core.config.ContractSpec;
import java.nio.file.Path;

/**
 * The data contract in force and where it came from.
 *
 * @param contract the contract
 * @param source   where its columns came from
 * @param file     mlgate.yaml for {@link Source#YAML}, else the contract file read or written
 */
public record ResolvedContract(ContractSpec contract, Source source, Path file) {

    /** Where a contract's columns came from. */
    public enum Source {
        /** {@code contract.columns} in mlgate.yaml. */
        YAML,
        /** The contract file ({@code contract.file}, default mlgate.contract.yaml). */
        FILE,
        /** Inferred from the reference data just now and written to the contract file. */
        INFERRED
    }
}
