package io.mlgate.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.config.ConfigException;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.config.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractResolverTest {
    @TempDir
    Path dir;

    LoadedConfig load(String yaml) throws IOException {
        Files.copy(TestCsv.resource("lending_club.csv"), dir.resolve("train.csv"));
        Path file = dir.resolve("mlgate.yaml");
        Files.writeString(file, "model: credit-risk\nlabel: Class\ndata: {train: train.csv}\n" + yaml);
        return ConfigLoader.load(file, true, ConfigLoader.overrides());
    }

    @Test
    void infersFromTheTrainingDataAndWritesTheContractFile() throws IOException {
        ResolvedContract resolved = ContractResolver.resolve(load(""));
        assertThat(resolved.source()).isEqualTo(ResolvedContract.Source.INFERRED);
        assertThat(resolved.file()).isEqualTo(dir.resolve("mlgate.contract.yaml"));
        String written = Files.readString(resolved.file());
        assertThat(written).startsWith("# Data contract of this pipeline, inferred by mlgate from train.csv.")
                .contains("  int_rate:\n    type: float\n    min: 0.0\n    max: 53.0\n    nullable: false\n")
                .doesNotContain("psi_warn");
        assertThat(resolved.contract().columns()).hasSize(23);
    }

    @Test
    void theWrittenContractIsReadBackEqual() throws IOException {
        LoadedConfig loaded = load("contract:\n  drift: {psi_warn: 0.15}\n");
        ResolvedContract inferred = ContractResolver.resolve(loaded);
        ResolvedContract read = ContractResolver.resolve(loaded);
        assertThat(read.source()).isEqualTo(ResolvedContract.Source.FILE);
        assertThat(read.contract()).isEqualTo(inferred.contract());
        assertThat(read.contract().drift().psiWarn()).isEqualTo(0.15);
    }

    @Test
    void columnsInMlgateYamlWin() throws IOException {
        ResolvedContract resolved = ContractResolver.resolve(load("contract:\n  columns:\n    int_rate: {type: float}\n"));
        assertThat(resolved.source()).isEqualTo(ResolvedContract.Source.YAML);
        assertThat(resolved.contract().columns()).containsOnlyKeys("int_rate");
        assertThat(dir.resolve("mlgate.contract.yaml")).doesNotExist();
    }

    @Test
    void settingsInTheContractFileOverrideMlgateYaml() throws IOException {
        LoadedConfig loaded = load("contract:\n  file: contracts/c.yaml\n  min_rows: 5\n");
        Files.createDirectories(dir.resolve("contracts"));
        Files.writeString(dir.resolve("contracts/c.yaml"),
                "unexpected_columns: warn\ncolumns:\n  int_rate: {type: float, min: 0, max: 40}\n");
        ContractSpec contract = ContractResolver.resolve(loaded).contract();
        assertThat(contract.unexpectedColumns()).isEqualTo(Severity.WARN);
        assertThat(contract.minRows()).isEqualTo(5);
        assertThat(contract.columns().get("int_rate").max()).isEqualTo(40.0);
    }

    @Test
    void aBrokenContractFileNamesFileLineAndKey() throws IOException {
        LoadedConfig loaded = load("");
        Path file = dir.resolve("mlgate.contract.yaml");
        Files.writeString(file, "columns:\n  int_rate: {type: float}\n  term:\n    type: category\n    valuez: [a]\n");
        assertThatThrownBy(() -> ContractResolver.resolve(loaded))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":5:5: unknown key 'valuez' in columns.term; known keys: ");
    }

    @Test
    void aWrongTypeInTheContractFileNamesTheKey() throws IOException {
        LoadedConfig loaded = load("");
        Path file = dir.resolve("mlgate.contract.yaml");
        Files.writeString(file, "columns:\n  int_rate: {type: decimal}\n");
        assertThatThrownBy(() -> ContractResolver.resolve(loaded))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":2:")
                .hasMessageContaining("'columns.int_rate.type'")
                .hasMessageContaining("'decimal' is not a valid column type");
    }

    @Test
    void aColumnWithoutTypeIsNamed() throws IOException {
        LoadedConfig loaded = load("");
        Path file = dir.resolve("mlgate.contract.yaml");
        Files.writeString(file, "columns:\n  int_rate: {min: 0}\n");
        assertThatThrownBy(() -> ContractResolver.resolve(loaded))
                .hasMessage(file + ":2:3: column 'int_rate' has no 'type'; use one of: int, float, category, bool, string");
    }

    @Test
    void aColumnWithoutTypeInMlgateYamlIsNamed() throws IOException {
        LoadedConfig loaded = load("contract:\n  columns:\n    int_rate: {min: 0}\n");
        assertThatThrownBy(() -> ContractResolver.resolve(loaded))
                .hasMessage(dir.resolve("mlgate.yaml") + ":6:5: column 'int_rate' has no 'type'; use one of: int, float, category, bool, string");
    }

    @Test
    void withoutColumnsFileOrDataTheErrorSaysWhatToSet() throws IOException {
        Path file = dir.resolve("mlgate.yaml");
        Files.writeString(file, "model: m\nlabel: Class\n");
        LoadedConfig loaded = ConfigLoader.load(file, true, ConfigLoader.overrides());
        assertThatThrownBy(() -> ContractResolver.resolve(loaded))
                .isInstanceOf(ConfigException.class).hasMessageContaining("set data.train");
    }
}
