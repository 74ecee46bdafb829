package io.mlgate.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainImportanceConfigTest {
    private static final String BASE = "model: m\nlabel: y\ndata: {train: t.csv}\n";

    @Test
    void importanceIsAutoWhenNotConfigured() {
        PipelineConfig config = ConfigLoader.parse(BASE, "test");

        assertThat(config.train().importanceOrDefault()).isEqualTo(ImportanceMethod.AUTO);
    }

    @Test
    void aConfigWithoutImportanceKeepsItsDigestInput() {
        // the config digest is taken over this YAML: an existing config must not change by the new field
        String yaml = ConfigLoader.toYaml(ConfigLoader.parse(BASE + "train: {trainer: cart}\n", "test"));

        assertThat(yaml).doesNotContain("importance");
    }

    @Test
    void everyMethodIsReadFromYaml() {
        for (ImportanceMethod method : ImportanceMethod.values()) {
            PipelineConfig config = ConfigLoader.parse(BASE + "train: {importance: " + method.yamlName() + "}\n", "test");

            assertThat(config.train().importanceOrDefault()).isEqualTo(method);
            assertThat(ConfigLoader.toYaml(config)).contains("importance: " + method.yamlName());
        }
    }

    @Test
    void importanceCanBeSetFromTheCommandLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mlgate.yaml");
        Files.writeString(file, BASE);

        LoadedConfig loaded = ConfigLoader.load(file, true, Map.of("train.importance", "permutation"));

        assertThat(loaded.config().train().importanceOrDefault()).isEqualTo(ImportanceMethod.PERMUTATION);
    }

    @Test
    void anUnknownMethodNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> ConfigLoader.parse(BASE + "train: {importance: shap}\n", "test"))
                .hasMessageContaining("importance")
                .hasMessageContaining("auto, gain, coefficients, permutation, none");
    }
}
