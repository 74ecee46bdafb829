package io.mlgate.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistriesTest {

    @TempDir
    Path base;

    private Path rootOf(ModelRegistry registry) {
        return ((FileModelRegistry) registry).root();
    }

    @Test
    void theDefaultIsDotMlgateRegistryUnderTheBaseDirectory() {
        assertThat(rootOf(Registries.open(null, base))).isEqualTo(base.resolve(".mlgate/registry"));
        assertThat(rootOf(Registries.open("file:.mlgate/registry", base))).isEqualTo(base.resolve(".mlgate/registry"));
    }

    @Test
    void absoluteFileUrisAndPlainPathsAreAccepted() {
        Path abs = base.resolve("shared/registry");

        assertThat(rootOf(Registries.open("file:" + abs, base))).isEqualTo(abs);
        assertThat(rootOf(Registries.open(abs.toUri().toString(), base))).isEqualTo(abs);
        assertThat(rootOf(Registries.open(abs.toString(), base))).isEqualTo(abs);
        assertThat(rootOf(Registries.open("models/registry", base))).isEqualTo(base.resolve("models/registry"));
    }

    @Test
    void mlflowIsNotYetSupported() {
        assertThatThrownBy(() -> Registries.open("mlflow+https://gitlab.example/api/v4/projects/1/ml/mlflow", base))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("Registry URI 'mlflow+https://gitlab.example/api/v4/projects/1/ml/mlflow': "
                        + "the MLflow / GitLab model registry backend is not yet supported");
    }

    @Test
    void anUnknownSchemeListsTheSupportedForms() {
        assertThatThrownBy(() -> Registries.open("s3://bucket/registry", base))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Registry URI 's3://bucket/registry' has unknown scheme 's3:'; supported: file:.mlgate/registry "
                        + "(relative to the pipeline directory), file:/absolute/path, file:///absolute/path, or a plain directory path "
                        + "(mlflow+https://host/... is coming)");
    }
}
