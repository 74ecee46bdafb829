package io.mlgate.core.registry.mlflow;

import static io.mlgate.core.registry.mlflow.MlflowFixtures.CLOCK;
import static io.mlgate.core.registry.mlflow.MlflowFixtures.TOKEN;
import static io.mlgate.core.registry.mlflow.MlflowFixtures.env;
import static io.mlgate.core.registry.mlflow.MlflowFixtures.registry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.registry.RegistryException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures become RegistryExceptions naming the URL and the fix. */
class MlflowErrorsTest {

    @TempDir
    Path tmp;

    @Test
    void aRefusedTokenOnGitLabSaysWhichTokenToSet() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(FakeMlflowServer.Mode.GITLAB)) {
            server.requiredAuthorization = "Bearer " + TOKEN;
            MlflowModelRegistry registry = registry(server, tmp, env(Credentials.TOKEN, "wrong"));

            assertThatThrownBy(registry::models)
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("GET " + server.trackingUri() + "/api/2.0/mlflow/registered-models/search?max_results=1000 was refused "
                            + "(HTTP 401: 401 Unauthorized); set MLFLOW_TRACKING_TOKEN to a GitLab personal, project or group access token "
                            + "with the api scope and at least the Developer role (in CI: a masked CI/CD variable) "
                            + "(credentials from MLFLOW_TRACKING_TOKEN)");
        }
    }

    @Test
    void missingCredentialsAreNamedAsSuch() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(FakeMlflowServer.Mode.MLFLOW)) {
            server.requiredAuthorization = "Bearer " + TOKEN;
            MlflowModelRegistry registry = registry(server, tmp, env(Credentials.TOKEN, null));

            assertThatThrownBy(() -> registry.version("credit-risk", "1"))
                    .isInstanceOf(RegistryException.class)
                    .hasMessageEndingWith("was refused (HTTP 401: You are not authenticated. Please see "
                            + "https://www.mlflow.org/docs/latest/auth/index.html); set MLFLOW_TRACKING_TOKEN (bearer token) or "
                            + "MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD for the MLflow server (no credentials were sent)");
        }
    }

    @Test
    void aCiJobTokenIsTheLastResortOnGitLabAndItsRefusalIsExplained() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(FakeMlflowServer.Mode.GITLAB)) {
            server.requiredAuthorization = "Bearer " + TOKEN;
            MlflowModelRegistry registry = registry(server, tmp, env(Credentials.TOKEN, null, "CI_JOB_TOKEN", "job-123"));

            assertThatThrownBy(registry::models)
                    .isInstanceOf(RegistryException.class)
                    .hasMessageEndingWith("(credentials from CI_JOB_TOKEN); GitLab documents only access tokens for its MLflow API, "
                            + "so a CI_JOB_TOKEN is usually refused");
            assertThat(server.requests.get(0).authorization()).isEqualTo("Bearer job-123");
        }
    }

    @Test
    void aWrongGitLabProjectPathIsA404ThatExplainsTheUriForm() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(FakeMlflowServer.Mode.GITLAB)) {
            URI wrong = URI.create(server.root() + "/api/v4/projects/999/ml/mlflow");
            MlflowModelRegistry registry = new MlflowModelRegistry(wrong, tmp, env(), CLOCK);

            assertThatThrownBy(() -> registry.versions("credit-risk"))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("GET " + wrong + "/api/2.0/mlflow/registered-models/get?name=credit-risk was not found (HTTP 404: 404 Not Found); "
                            + "check the registry URI (mlflow+https://<gitlab host>/api/v4/projects/<project id>/ml/mlflow), that the "
                            + "project's model registry is enabled and that the token's user can see the project (GitLab answers 404 when it cannot)");
        }
    }

    @Test
    void aServerErrorNamesTheRequestAndSaysToRetry() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(FakeMlflowServer.Mode.MLFLOW)) {
            server.failNextWith = 500;
            MlflowModelRegistry registry = registry(server, tmp);

            assertThatThrownBy(() -> registry.history("credit-risk"))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("The MLflow registry failed: GET " + server.trackingUri()
                            + "/api/2.0/mlflow/experiments/get-by-name?experiment_name=mlgate%2Fcredit-risk answered HTTP 500: "
                            + "<html><body>500 Internal Server Error</body></html>; the server had a problem: retry later or check the server's logs");
        }
    }

    @Test
    void aBusyServerIsRetriedForReads() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(FakeMlflowServer.Mode.MLFLOW)) {
            server.failNextWith = 503;
            MlflowModelRegistry registry = registry(server, tmp);

            assertThat(registry.models()).isEmpty();
            assertThat(server.requests).hasSize(2);
        }
    }

    @Test
    void anUnreachableServerNamesTheUrlAndWhatToCheck() throws Exception {
        URI gone;
        try (FakeMlflowServer server = new FakeMlflowServer(FakeMlflowServer.Mode.MLFLOW)) {
            gone = server.trackingUri();
        }
        MlflowModelRegistry registry = new MlflowModelRegistry(gone, tmp, env(), CLOCK);

        assertThatThrownBy(registry::models)
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("Cannot reach the MLflow registry: GET " + gone + "/api/2.0/mlflow/registered-models/search?max_results=1000 failed (")
                .hasMessageEndingWith("); check the registry URI in mlgate.yaml and that the server is running and reachable from this machine");
    }

    @Test
    void tokensAreNeverSentToAnotherHostAnArtifactUriNames() throws Exception {
        try (FakeMlflowServer server = new FakeMlflowServer(FakeMlflowServer.Mode.MLFLOW);
             FakeMlflowServer other = new FakeMlflowServer(FakeMlflowServer.Mode.MLFLOW)) {
            MlflowClient client = new MlflowClient(server.trackingUri(), MlflowFlavor.MLFLOW, new Credentials("Bearer " + TOKEN, Credentials.TOKEN));
            client.upload(URI.create(other.root() + "/api/2.0/mlflow-artifacts/artifacts/x"), new byte[] {1});
            client.upload(URI.create(server.root() + "/api/2.0/mlflow-artifacts/artifacts/x"), new byte[] {1});

            assertThat(other.requests.get(0).authorization()).isNull();
            assertThat(server.requests.get(0).authorization()).isEqualTo("Bearer " + TOKEN);
        }
    }
}
