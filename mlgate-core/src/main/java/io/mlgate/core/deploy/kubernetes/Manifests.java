package io.mlgate.core.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mlgate.core.config.KubernetesSpec;
import io.mlgate.core.deploy.DeployException;
import io.mlgate.core.deploy.DeploymentLedger;
import io.mlgate.core.deploy.TrafficSplit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Kubernetes resources of one model; pure functions so they can be checked without a cluster. */
public final class Manifests {
    /** KServe's InferenceService resource (no discovery call needed). */
    public static final ResourceDefinitionContext INFERENCE_SERVICE = new ResourceDefinitionContext.Builder()
            .withGroup("serving.kserve.io").withVersion("v1beta1").withKind("InferenceService").withPlural("inferenceservices")
            .withNamespaced(true).build();

    private Manifests() {
    }

    /** Labels selecting the model's pods. */
    public static Map<String, String> labels(String model) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "mlgate-server");
        labels.put("app.kubernetes.io/instance", KubernetesTarget.resourceName(model));
        labels.put("app.kubernetes.io/managed-by", "mlgate");
        return labels;
    }

    /**
     * Arguments of {@code mlgate serve} for a split: {@code serve --registry /registry --host 0.0.0.0 --port 8080
     * --deploy credit-risk=2 [--canary credit-risk=3:10] [--shadow credit-risk=4]}.
     */
    public static List<String> serverArgs(String model, TrafficSplit split, KubernetesSpec spec) {
        List<String> args = new ArrayList<>(List.of("serve", "--registry", spec.registryPath(), "--host", "0.0.0.0",
                "--port", String.valueOf(spec.port()), "--deploy", model + "=" + split.stable()));
        if (split.canary() != null) {
            args.addAll(List.of("--canary", model + "=" + split.canary() + ":" + split.canaryPercent()));
        }
        if (split.shadow() != null) {
            args.addAll(List.of("--shadow", model + "=" + split.shadow()));
        }
        return args;
    }

    /** The Deployment: readiness on /health, Prometheus scrape annotations, rolling update without unavailable pods. */
    public static Deployment deployment(String model, TrafficSplit split, KubernetesSpec spec, String namespace) {
        String name = KubernetesTarget.resourceName(model);
        String traffic = DeploymentLedger.trafficJson(split);
        Map<String, String> podAnnotations = new LinkedHashMap<>();
        podAnnotations.put("prometheus.io/scrape", "true");
        podAnnotations.put("prometheus.io/port", String.valueOf(spec.port()));
        podAnnotations.put("prometheus.io/path", "/metrics");
        podAnnotations.put(KubernetesTarget.TRAFFIC_ANNOTATION, traffic);
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels(model))
                .addToAnnotations(KubernetesTarget.TRAFFIC_ANNOTATION, traffic).endMetadata()
                .withNewSpec().withReplicas(spec.replicas())
                .withNewSelector().withMatchLabels(labels(model)).endSelector()
                .withNewStrategy().withType("RollingUpdate").withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0)).withMaxSurge(new IntOrString(1)).endRollingUpdate().endStrategy()
                .withNewTemplate().withNewMetadata().withLabels(labels(model)).withAnnotations(podAnnotations).endMetadata()
                .withNewSpec().withContainers(container(model, split, spec, "server")).endSpec().endTemplate()
                .endSpec();
        Deployment deployment = builder.build();
        if (spec.registryClaim() != null) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            pod.setVolumes(List.of(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("registry")
                    .withNewPersistentVolumeClaim(spec.registryClaim(), true).build()));
            pod.getContainers().get(0).setVolumeMounts(List.of(new io.fabric8.kubernetes.api.model.VolumeMountBuilder()
                    .withName("registry").withMountPath(spec.registryPath()).withReadOnly(true).build()));
        }
        return deployment;
    }

    /** The Service in front of the pods: port 80 to the server's port. */
    public static Service service(String model, KubernetesSpec spec, String namespace) {
        return new ServiceBuilder()
                .withNewMetadata().withName(KubernetesTarget.resourceName(model)).withNamespace(namespace).withLabels(labels(model)).endMetadata()
                .withNewSpec().withSelector(labels(model))
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort()
                .endSpec().build();
    }

    /**
     * The InferenceService. Its predictor runs the newest version of the split (the canary, else
     * the stable); {@code canaryTrafficPercent} sends that share to it and the rest to the previous
     * rolled-out revision, which ran the stable.
     */
    public static GenericKubernetesResource inferenceService(String model, TrafficSplit split, KubernetesSpec spec, String namespace) {
        if (split.shadow() != null) {
            throw DeployException.usage("KServe cannot mirror traffic to a shadow; use the plain kubernetes mode (deploy.kubernetes.kserve: false), "
                    + "where mlgate's server shadows in-process");
        }
        String newest = split.canary() != null ? split.canary() : split.stable();
        Container container = container(model, TrafficSplit.only(newest), spec, "kserve-container");
        Map<String, Object> containerMap = new LinkedHashMap<>();
        containerMap.put("name", container.getName());
        containerMap.put("image", container.getImage());
        containerMap.put("args", container.getArgs());
        containerMap.put("ports", List.of(Map.of("containerPort", spec.port(), "protocol", "TCP")));
        Map<String, Object> predictor = new LinkedHashMap<>();
        predictor.put("minReplicas", spec.replicas());
        if (split.canary() != null) {
            predictor.put("canaryTrafficPercent", split.canaryPercent());
        }
        predictor.put("containers", List.of(containerMap));
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(KubernetesTarget.TRAFFIC_ANNOTATION, DeploymentLedger.trafficJson(split));
        annotations.put("serving.kserve.io/enable-prometheus-scraping", "true");
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("serving.kserve.io/v1beta1").withKind("InferenceService")
                .withNewMetadata().withName(KubernetesTarget.resourceName(model)).withNamespace(namespace).withLabels(labels(model))
                .withAnnotations(annotations).endMetadata()
                .addToAdditionalProperties("spec", Map.of("predictor", predictor))
                .build();
    }

    private static Container container(String model, TrafficSplit split, KubernetesSpec spec, String name) {
        return new ContainerBuilder().withName(name).withImage(spec.image())
                .withArgs(serverArgs(model, split, spec))
                .addNewPort().withName("http").withContainerPort(spec.port()).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/health").withPort(new IntOrString("http")).endHttpGet()
                .withPeriodSeconds(5).withFailureThreshold(3).endReadinessProbe()
                .build();
    }
}
