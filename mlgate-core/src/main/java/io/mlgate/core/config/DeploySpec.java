package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Deployment settings, the {@code deploy:} block of mlgate.yaml. Every field is optional.
 *
 * <pre>
 * deploy:
 *   target: local                  # local (a running `mlgate serve`) | kubernetes
 *   strategy: replace              # replace | canary | shadow
 *   canary_percent: 10
 *   environment: production        # the ledger's environment name (default production)
 *   url: http://127.0.0.1:8080     # local: the server; kubernetes: optional public URL for the smoke check
 *   admin_token_file: .mlgate/admin-token   # else the variable named by admin_token_env
 *   admin_token_env: MLGATE_ADMIN_TOKEN
 *   smoke_rows: 5                  # holdout rows predicted after every change (0: health only)
 *   timeout_seconds: 120           # per HTTP call (local) / rollout wait (kubernetes)
 *   kubernetes: { namespace: ml, image: registry.example/mlgate/credit-risk:3, kserve: false, replicas: 2 }
 *   approval: { required_for: [production], approvers: [release-managers] }
 * </pre>
 *
 * @param target         local (default) or kubernetes
 * @param strategy       replace (default), canary or shadow
 * @param canaryPercent  traffic share of a canary (default 10)
 * @param url            base URL of the local model server (default http://127.0.0.1:8080)
 * @param approval       which environments need an approval, and who may give it
 * @param environment    the environment the deploy ledger records (default production)
 * @param adminTokenFile file holding the admin token of the local server, relative to mlgate.yaml
 * @param adminTokenEnv  environment variable holding the token when no file is set (default MLGATE_ADMIN_TOKEN)
 * @param smokeRows      holdout rows sent to the deployed model after every change (default 5; 0 = health only)
 * @param timeoutSeconds how long one admin call (local) or a rollout (kubernetes) may take (default 120)
 * @param kubernetes     settings of the kubernetes target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploySpec(String target, String strategy, Integer canaryPercent, String url, ApprovalSpec approval,
        String environment, String adminTokenFile, String adminTokenEnv, Integer smokeRows, Integer timeoutSeconds,
        KubernetesSpec kubernetes) {

    /** Where {@code mlgate serve} listens by default. */
    public static final String DEFAULT_URL = "http://127.0.0.1:8080";
    /** The variable the admin token is read from by default (the server reads the same one). */
    public static final String DEFAULT_TOKEN_ENV = "MLGATE_ADMIN_TOKEN";

    public DeploySpec {
        target = target == null ? "local" : target;
        strategy = strategy == null ? "replace" : strategy;
        canaryPercent = canaryPercent == null ? 10 : canaryPercent;
        environment = environment == null ? "production" : environment;
        adminTokenEnv = adminTokenEnv == null ? DEFAULT_TOKEN_ENV : adminTokenEnv;
        smokeRows = smokeRows == null ? 5 : smokeRows;
        timeoutSeconds = timeoutSeconds == null ? 120 : timeoutSeconds;
        kubernetes = kubernetes == null ? KubernetesSpec.defaults() : kubernetes;
    }

    /** The same settings for a local server at {@code url} whose admin token is in {@code tokenFile}. */
    public DeploySpec withLocalServer(String serverUrl, String tokenFile) {
        return new DeploySpec("local", strategy, canaryPercent, serverUrl, approval, environment, tokenFile, adminTokenEnv,
                smokeRows, timeoutSeconds, kubernetes);
    }

    /** The original five fields; the others take their defaults. */
    public DeploySpec(String target, String strategy, Integer canaryPercent, String url, ApprovalSpec approval) {
        this(target, strategy, canaryPercent, url, approval, null, null, null, null, null, null);
    }

    public static DeploySpec defaults() {
        return new DeploySpec(null, null, null, null, null);
    }

    /** {@link #url()} or {@link #DEFAULT_URL}. */
    public String urlOrDefault() {
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }
}
