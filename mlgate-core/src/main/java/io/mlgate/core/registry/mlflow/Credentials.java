package io.mlgate.core.registry.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * How requests authenticate, read from the environment the way the MLflow client does:
 * {@code MLFLOW_TRACKING_USERNAME} + {@code MLFLOW_TRACKING_PASSWORD} (HTTP basic) win over
 * {@code MLFLOW_TRACKING_TOKEN} (bearer), as in MLflow's {@code rest_utils.http_request}. On
 * GitLab a CI job's {@code CI_JOB_TOKEN} is the last resort, sent as a bearer token.
 *
 * @param header the Authorization header value, null when nothing is sent
 * @param source the variable(s) it came from, for error messages; "none" when nothing is sent
 */
record Credentials(String header, String source) {

    static final String TOKEN = "MLFLOW_TRACKING_TOKEN";
    static final String USERNAME = "MLFLOW_TRACKING_USERNAME";
    static final String PASSWORD = "MLFLOW_TRACKING_PASSWORD";
    static final String JOB_TOKEN = "CI_JOB_TOKEN";

    static Credentials from(Map<String, String> env, MlflowFlavor flavor) {
        String user = value(env, USERNAME);
        String password = value(env, PASSWORD);
        if (user != null && password != null) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return new Credentials("Basic " + basic, USERNAME + "/" + PASSWORD);
        }
        String token = value(env, TOKEN);
        if (token != null) {
            return new Credentials("Bearer " + token, TOKEN);
        }
        String job = flavor == MlflowFlavor.GITLAB ? value(env, JOB_TOKEN) : null;
        if (job != null) {
            return new Credentials("Bearer " + job, JOB_TOKEN);
        }
        return new Credentials(null, "none");
    }

    private static String value(Map<String, String> env, String name) {
        String v = env == null ? null : env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public String toString() {
        // Never print the secret.
        return "Credentials[" + source + "]";
    }
}
