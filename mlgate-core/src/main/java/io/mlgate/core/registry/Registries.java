package io.mlgate.core.registry;

import io.mlgate.core.registry.mlflow.MlflowModelRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a registry from the {@code registry:} URI of mlgate.yaml.
 *
 * <ul>
 *   <li>{@code file:.mlgate/registry} - relative to the pipeline directory (the default)</li>
 *   <li>{@code file:/abs/path} or {@code file:///abs/path} - absolute</li>
 *   <li>{@code some/dir} or {@code /abs/dir} - a plain path, same as {@code file:}</li>
 *   <li>{@code mlflow+https://host/path} - an MLflow tracking server, or GitLab's model registry at
 *       {@code mlflow+https://gitlab.example.com/api/v4/projects/<id>/ml/mlflow}
 *       ({@link MlflowModelRegistry}); {@code mlflow+http://} only for localhost</li>
 * </ul>
 */
public final class Registries {

    /** The registry used when mlgate.yaml names none. */
    public static final String DEFAULT_URI = "file:.mlgate/registry";

    /** Where MLflow / GitLab registries cache downloaded versions, relative to the pipeline directory. */
    static final String MLFLOW_CACHE = ".mlgate/cache/mlflow";

    static final String SUPPORTED = "file:.mlgate/registry (relative to the pipeline directory), file:/absolute/path, "
            + "file:///absolute/path, or a plain directory path";

    /** A scheme is two or more characters, so a Windows drive letter (C:\...) reads as a path. */
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]+):(.*)", Pattern.DOTALL);

    private Registries() {
    }

    /**
     * @param uri     registry URI; null or blank means {@link #DEFAULT_URI}
     * @param baseDir directory relative paths are resolved against (the pipeline directory)
     */
    public static ModelRegistry open(String uri, Path baseDir) {
        String text = uri == null || uri.isBlank() ? DEFAULT_URI : uri.trim();
        Path base = baseDir == null ? Path.of("").toAbsolutePath() : baseDir;
        Matcher m = SCHEME.matcher(text);
        if (!m.matches()) {
            return new FileModelRegistry(path(base, text, uri));
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        switch (scheme) {
            case "file" -> {
                if (rest.startsWith("//")) {
                    try {
                        return new FileModelRegistry(Path.of(new URI(text)));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        throw new RegistryException("Registry URI '" + uri + "' is not a valid file URI (" + e.getMessage()
                                + "); use " + SUPPORTED);
                    }
                }
                if (rest.isBlank()) {
                    throw new RegistryException("Registry URI '" + uri + "' names no directory; use " + SUPPORTED);
                }
                return new FileModelRegistry(path(base, rest, uri));
            }
            case "mlflow+http", "mlflow+https" -> {
                // Downloaded versions are cached next to the pipeline, like the default file registry.
                return MlflowModelRegistry.open(text, base.resolve(MLFLOW_CACHE), System.getenv());
            }
            default -> throw new RegistryException("Registry URI '" + uri + "' has unknown scheme '" + m.group(1)
                    + ":'; supported: " + SUPPORTED + ", or mlflow+https://host/path for MLflow and GitLab model registries");
        }
    }

    private static Path path(Path base, String text, String uri) {
        try {
            return base.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new RegistryException("Registry path '" + uri + "' is not a valid path (" + e.getReason() + "); use " + SUPPORTED);
        }
    }
}
