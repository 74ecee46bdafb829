package io.mlgate.core.registry.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.registry.RegistryException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MlflowUriTest {

    @Test
    void theMlflowPrefixIsStrippedAndGitLabIsRecognisedByItsProjectPath() {
        URI gitlab = MlflowModelRegistry.trackingUri("mlflow+https://gitlab.example.com/api/v4/projects/17/ml/mlflow");
        URI mlflow = MlflowModelRegistry.trackingUri("mlflow+https://mlflow.example.com/tracking");

        assertThat(gitlab).isEqualTo(URI.create("https://gitlab.example.com/api/v4/projects/17/ml/mlflow"));
        assertThat(MlflowFlavor.detect(gitlab)).isEqualTo(MlflowFlavor.GITLAB);
        assertThat(MlflowFlavor.detect(mlflow)).isEqualTo(MlflowFlavor.MLFLOW);
    }

    @Test
    void plainHttpIsOnlyForLocalhost() {
        assertThat(MlflowModelRegistry.trackingUri("mlflow+http://127.0.0.1:5000")).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(MlflowModelRegistry.trackingUri("mlflow+http://localhost:5000/")).isEqualTo(URI.create("http://localhost:5000/"));
        assertThatThrownBy(() -> MlflowModelRegistry.trackingUri("mlflow+http://mlflow.example.com:5000"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Registry URI 'mlflow+http://mlflow.example.com:5000' uses plain HTTP to mlflow.example.com, which would send "
                        + "the token in clear text; use mlflow+https://mlflow.example.com:5000 (mlflow+http is for localhost only)");
    }

    @Test
    void credentialsInTheUriAreRefusedWithWhereToPutThem() {
        assertThatThrownBy(() -> MlflowModelRegistry.trackingUri("mlflow+https://user:pw@mlflow.example.com"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("put credentials in MLFLOW_TRACKING_TOKEN");
    }

    @Test
    void gitLabVersionsAcceptTheIntegerShorthandAndOrderBySemVer() {
        assertThat(SemVer.normalize("3")).isEqualTo("3.0.0");
        assertThat(SemVer.normalize("1.2.3")).isEqualTo("1.2.3");
        assertThat(java.util.stream.Stream.of("10.0.0", "2.0.0", "2.0.0-rc.1", "1.9.9").sorted(SemVer.ORDER).toList())
                .containsExactly("1.9.9", "2.0.0-rc.1", "2.0.0", "10.0.0");
    }
}
