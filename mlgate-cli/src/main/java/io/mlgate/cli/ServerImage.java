package io.mlgate.cli;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import io.mlgate.core.config.ConfigException;
import io.mlgate.core.registry.FileModelRegistry;
import io.mlgate.core.registry.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Builds the server image of one model as an OCI image tar with Jib core: no Docker daemon. Layers:
 * the runnable mlgate jar at {@code /app/mlgate.jar}, and the model's registry subset (index and
 * the chosen versions) at {@code /registry}. Entrypoint {@code java -jar /app/mlgate.jar}, command
 * {@code serve --registry /registry --host 0.0.0.0 --port 8080 --deploy model=version}.
 *
 * <p>Jib lives in the CLI, not in core: image building packages the runnable jar, and Jib brings
 * Guava and Google's HTTP client, which the engine (and the Jenkins plugin that forks the CLI) need not carry.
 *
 * <p>Without {@code --base-image} the image is built FROM scratch and has no JRE: it is complete
 * only on top of a Java 17 base, given as {@code tar:///path/temurin-17-jre.tar} (from
 * {@code docker save}), {@code docker://eclipse-temurin:17-jre} or {@code registry://eclipse-temurin:17-jre}
 * where a daemon or the network exists.
 */
final class ServerImage {
    static final String APP_JAR = "/app/mlgate.jar";
    static final String REGISTRY = "/registry";

    /** What was built. */
    record Built(Path tar, String image, String digest, boolean hasBase, List<String> entrypoint, List<String> command) {
    }

    private ServerImage() {
    }

    static Built build(Path serverJar, ModelRegistry registry, String model, List<String> versions, Path tar, String imageName,
            String baseImage, Path cacheDir) {
        if (!Files.isRegularFile(serverJar)) {
            throw new ConfigException("server jar " + serverJar + " does not exist; build it (mvn package) or pass --server-jar");
        }
        if (!(registry instanceof FileModelRegistry file)) {
            throw new ConfigException("--image-tar needs a file: registry to copy the model from");
        }
        Path modelRoot = file.root().resolve(model);
        FileEntriesLayer.Builder registryLayer = FileEntriesLayer.builder().setName("registry");
        AbsoluteUnixPath registryRoot = AbsoluteUnixPath.get(REGISTRY).resolve(model);
        registryLayer.addEntry(modelRoot.resolve("index.json"), registryRoot.resolve("index.json"));
        for (String version : versions) {
            Path dir = registry.modelDirectory(model, version); // checks the files against their sha256
            for (Path f : files(dir)) {
                registryLayer.addEntry(f, registryRoot.resolve("versions").resolve(version).resolve(dir.relativize(f).toString().replace('\\', '/')));
            }
        }
        List<String> entrypoint = List.of("java", "-jar", APP_JAR);
        List<String> command = List.of("serve", "--registry", REGISTRY, "--host", "0.0.0.0", "--port", "8080",
                "--deploy", model + "=" + versions.get(versions.size() - 1));
        try {
            JibContainerBuilder builder = baseImage == null || baseImage.isBlank() ? Jib.fromScratch() : Jib.from(baseImage);
            builder.setFormat(ImageFormat.OCI)
                    .addFileEntriesLayer(FileEntriesLayer.builder().setName("server").addEntry(serverJar, AbsoluteUnixPath.get(APP_JAR)).build())
                    .addFileEntriesLayer(registryLayer.build())
                    .setEntrypoint(entrypoint)
                    .setProgramArguments(command)
                    .addExposedPort(Port.tcp(8080))
                    .addLabel("io.mlgate.model", model)
                    .addLabel("io.mlgate.versions", String.join(",", versions))
                    .setCreationTime(Instant.EPOCH); // reproducible: the same inputs give the same digest
            Files.createDirectories(tar.toAbsolutePath().getParent());
            Containerizer to = Containerizer.to(TarImage.at(tar).named(imageName))
                    .setBaseImageLayersCache(cacheDir.resolve("base")).setApplicationLayersCache(cacheDir.resolve("app"))
                    .setToolName("mlgate");
            JibContainer container = builder.containerize(to);
            return new Built(tar, imageName, container.getDigest().toString(), baseImage != null && !baseImage.isBlank(), entrypoint, command);
        } catch (InvalidImageReferenceException e) {
            throw new ConfigException("image name or base image is not a valid reference: " + e.getMessage()
                    + "; e.g. --image mlgate/credit-risk:3 --base-image tar:///path/temurin-17-jre.tar");
        } catch (RegistryException | ExecutionException | CacheDirectoryCreationException e) {
            throw new ConfigException("building the image failed: " + e.getMessage()
                    + (baseImage == null ? "" : "; without network use a base saved with 'docker save' as --base-image tar:///path/base.tar"), e);
        } catch (IOException e) {
            throw new UncheckedIOException("building the image " + tar + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + tar, e);
        }
    }

    /** The runnable jar this CLI runs from, or null when running from classes (tests, IDE). */
    static Path selfJar() {
        try {
            Path p = Path.of(ServerImage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
