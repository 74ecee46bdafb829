package io.mlgate.core.registry.mlflow;

import java.net.URI;
import java.util.Locale;

/**
 * Which server speaks the MLflow REST API behind a registry URI. GitLab's MLflow-compatible
 * model registry lives under {@code /api/v4/projects/<id>/ml/mlflow} and deviates from MLflow
 * (see {@link MlflowModelRegistry}); everything else is treated as an MLflow tracking server.
 */
public enum MlflowFlavor {
    /** An MLflow tracking server (2.3 or later for aliases): integer versions, native aliases. */
    MLFLOW,
    /** GitLab's MLflow client compatibility layer: SemVer versions, no aliases, no tag updates. */
    GITLAB;

    /** GitLab when the path holds {@code /api/v4/projects/}, the documented GitLab tracking URI form. */
    public static MlflowFlavor detect(URI trackingUri) {
        String path = trackingUri.getRawPath() == null ? "" : trackingUri.getRawPath().toLowerCase(Locale.ROOT);
        return path.contains("/api/v4/projects/") ? GITLAB : MLFLOW;
    }
}
