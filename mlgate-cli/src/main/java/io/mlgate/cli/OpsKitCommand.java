package io.mlgate.cli;

import io.mlgate.core.config.ConfigException;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.deploy.OpsKit;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.registry.ModelVersion;
import io.mlgate.core.util.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "ops-kit",
        description = {"Write the operations kit of the model: Prometheus alerting rules (error rate, p99 latency, drift warn/fail",
                "with the model's thresholds) and a Grafana dashboard over the metrics of 'mlgate serve'. With --image-tar",
                "also an OCI image tar of the server with the model, built without Docker (Jib)."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate ops-kit -c mlgate.yaml                      # <output>/ops/prometheus-rules.yaml, grafana-dashboard.json",
                "  mlgate ops-kit -c mlgate.yaml --image-tar credit-risk.tar --base-image tar:///images/temurin-17-jre.tar",
                "  podman load -i credit-risk.tar   # or: skopeo copy oci-archive:credit-risk.tar docker://registry.example/mlgate/credit-risk:3"})
final class OpsKitCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the files (default: <output>/ops).")
    Path dir;

    @Option(names = "--error-rate", paramLabel = "RATIO", defaultValue = "0.01", description = "5xx share that alerts over 5 min (default ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(names = "--latency-p99", paramLabel = "SECONDS", defaultValue = "0.25", description = "p99 latency that alerts over 5 min (default ${DEFAULT-VALUE}).")
    double latencyP99;

    @Option(names = "--image-tar", paramLabel = "FILE", description = "Also build the server image with the model into this OCI tar.")
    Path imageTar;

    @Option(names = "--image", paramLabel = "NAME", description = "Image name inside the tar (default mlgate/<model>:<version>).")
    String image;

    @Option(names = "--version", paramLabel = "V", description = "Versions to put into the image (repeatable; default: the production alias).")
    List<String> versions = new ArrayList<>();

    @Option(names = "--base-image", paramLabel = "REF", description = {"A Java 17 base: tar:///path/base.tar (docker save), docker://eclipse-temurin:17-jre",
            "or registry://eclipse-temurin:17-jre. Default: none (FROM scratch; the image then needs a JRE layered under it)."})
    String baseImage;

    @Option(names = "--server-jar", paramLabel = "JAR", description = "The mlgate jar to put into the image (default: the one running).")
    Path serverJar;

    @Override
    public Integer call() {
        LoadedConfig loaded = common.load();
        Pipeline pipeline = new Pipeline(loaded, Progress.NONE, System.getenv());
        String model = loaded.config().model();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter human = common.json ? spec.commandLine().getErr() : out;
        Map<String, Object> result = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        for (Path p : pipeline.opsKit(dir, new OpsKit.Options(errorRate, latencyP99, "15m"))) {
            files.add(p.toString());
            human.println("[ops-kit]: PASSED - wrote " + p);
        }
        if (imageTar != null) {
            List<String> chosen = versions.isEmpty() ? List.of(pipeline.registry().alias(model, Pipeline.PRODUCTION).map(ModelVersion::version)
                    .orElseThrow(() -> new ConfigException(model + " has no production alias; pass --version V"))) : versions;
            Path jar = serverJar != null ? serverJar : ServerImage.selfJar();
            if (jar == null) {
                throw new ConfigException("not running from mlgate.jar; pass --server-jar mlgate-cli/target/mlgate.jar");
            }
            String name = image != null ? image : "mlgate/" + model + ":" + chosen.get(chosen.size() - 1);
            Path cache;
            try {
                cache = Files.createTempDirectory("mlgate-jib");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ServerImage.Built built = ServerImage.build(jar, pipeline.registry(), model, chosen, imageTar.toAbsolutePath(), name, baseImage, cache);
            files.add(built.tar().toString());
            result.put("image", built);
            human.println("[ops-kit - image]: PASSED - " + built.image() + " (" + built.digest() + ") in " + built.tar()
                    + ", versions " + String.join(", ", chosen));
            if (!built.hasBase()) {
                human.println("[ops-kit - image]: WARNING - built FROM scratch: the image has no JRE; rebuild with --base-image "
                        + "tar:///path/temurin-17-jre.tar (docker save eclipse-temurin:17-jre) or docker://eclipse-temurin:17-jre");
            }
        }
        result.put("files", files);
        human.flush();
        if (common.json) {
            out.print(Pipeline.toJson(result));
            out.flush();
        }
        return ExitCodes.OK;
    }
}
