package io.mlgate.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.registry.mlflow.MlflowFlavor;
import io.mlgate.core.registry.mlflow.MlflowModelRegistry;
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
    void mlflowUrisOpenTheMlflowBackendWithItsCacheUnderThePipelineDirectory() {
        ModelRegistry registry = Registries.open("mlflow+https://gitlab.example/api/v4/projects/1/ml/mlflow", base);

        assertThat(registry).isInstanceOf(MlflowModelRegistry.class);
        MlflowModelRegistry mlflow = (MlflowModelRegistry) registry;
        assertThat(mlflow.flavor()).isEqualTo(MlflowFlavor.GITLAB);
        assertThat(mlflow.trackingUri()).hasToString("https://gitlab.example/api/v4/projects/1/ml/mlflow");
        assertThat(mlflow.cacheDir().startsWith(base.resolve(".mlgate/cache/mlflow"))).as(mlflow.cacheDir().toString()).isTrue();
    }

    @Test
    void plainHttpMlflowIsRefusedForRemoteHosts() {
        assertThatThrownBy(() -> Registries.open("mlflow+http://mlflow.example", base))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("would send the token in clear text; use mlflow+https://mlflow.example");
    }

    @Test
    void anUnknownSchemeListsTheSupportedForms() {
        assertThatThrownBy(() -> Registries.open("s3://bucket/registry", base))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Registry URI 's3://bucket/registry' has unknown scheme 's3:'; supported: file:.mlgate/registry "
                        + "(relative to the pipeline directory), file:/absolute/path, file:///absolute/path, or a plain directory path"
                        + ", or mlflow+https://host/path for MLflow and GitLab model registries");
    }
}
