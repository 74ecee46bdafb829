package io.mlgate.core.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.mlgate.core.config.DeploySpec;
import io.mlgate.core.config.KubernetesSpec;
import io.mlgate.core.deploy.DeployException;
import io.mlgate.core.deploy.DeploymentLedger;
import io.mlgate.core.deploy.DeploymentTarget;
import io.mlgate.core.deploy.Health;
import io.mlgate.core.deploy.ModelServerClient;
import io.mlgate.core.deploy.ServedPredictions;
import io.mlgate.core.deploy.TrafficSplit;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code kubernetes} target (fabric8 client), in one of two modes.
 *
 * <p><b>Plain</b> (default): one Deployment and one Service per model. Every pod runs
 * {@code mlgate serve} with the whole {@link TrafficSplit} as arguments ({@code --deploy model=2
 * --canary model=3:10 --shadow model=4}), so the canary share is exact per request and a shadow
 * is mirrored in-process, which plain Services cannot do (a second Deployment with replicas in
 * proportion gives only coarse shares and no mirroring). A change is a rolling update
 * (maxUnavailable 0) gated by the readiness probe on {@code /health}; the split is also kept in
 * the {@value #TRAFFIC_ANNOTATION} annotation, which {@link #current} reads back.
 *
 * <p><b>KServe</b> ({@code kserve: true}): an {@code InferenceService} (serving.kserve.io/v1beta1)
 * whose predictor runs our server with the newest version; a canary is KServe's own
 * {@code canaryTrafficPercent} between the previous rolled-out revision (the stable) and the
 * latest one. Shadows need the plain mode.
 *
 * <p>The smoke check needs a URL that reaches the Service from here ({@code deploy.url}, e.g.
 * an Ingress); without one only the rollout's readiness is checked.
 */
public class KubernetesTarget implements DeploymentTarget {
    /** Annotation holding the split as compact JSON. */
    public static final String TRAFFIC_ANNOTATION = "mlgate.io/traffic";

    protected final KubernetesClient client;
    protected final KubernetesSpec spec;
    protected final String namespace;
    private final Duration timeout;
    private final ModelServerClient publicClient;
    private final boolean ownsClient;

    /**
     * @param url     public URL of the Service for the smoke check, or null
     * @param timeout how long a rollout may take to become ready
     */
    public KubernetesTarget(KubernetesClient client, KubernetesSpec spec, String url, Duration timeout) {
        this(client, spec, url, timeout, false);
    }

    private KubernetesTarget(KubernetesClient client, KubernetesSpec spec, String url, Duration timeout, boolean ownsClient) {
        this.client = client;
        this.spec = spec;
        this.namespace = spec.namespace() != null ? spec.namespace()
                : client.getNamespace() != null ? client.getNamespace() : "default";
        this.timeout = timeout;
        this.publicClient = url == null || url.isBlank() ? null : new ModelServerClient(URI.create(url), null, timeout);
        this.ownsClient = ownsClient;
    }

    /** Connects with the usual kubeconfig or in-cluster service account. */
    public static KubernetesTarget open(DeploySpec deploy, Duration timeout) {
        try {
            return new KubernetesTarget(new KubernetesClientBuilder().build(), deploy.kubernetes(), deploy.url(), timeout, true);
        } catch (KubernetesClientException e) {
            throw new DeployException("cannot configure the Kubernetes client (" + e.getMessage()
                    + "); check KUBECONFIG or the pod's service account", e);
        }
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public String endpoint() {
        return "kubernetes " + client.getMasterUrl() + " namespace " + namespace + (spec.kserve() ? " (KServe)" : "");
    }

    @Override
    public TrafficSplit current(String model) {
        HasMetadata resource = call("read " + resourceName(model), () -> spec.kserve() ? inferenceService(model).get() : deployment(model).get());
        if (resource == null) {
            return TrafficSplit.none();
        }
        String json = resource.getMetadata().getAnnotations() == null ? null : resource.getMetadata().getAnnotations().get(TRAFFIC_ANNOTATION);
        if (json == null) {
            throw new DeployException(kind() + " " + namespace + "/" + resourceName(model) + " exists but was not made by mlgate (no "
                    + TRAFFIC_ANNOTATION + " annotation); delete it or choose another namespace");
        }
        return DeploymentLedger.parseTraffic(json);
    }

    @Override
    public TrafficSplit apply(String model, TrafficSplit split) {
        if (!split.isDeployed()) {
            call("delete " + resourceName(model), () -> {
                if (spec.kserve()) {
                    inferenceService(model).delete();
                } else {
                    deployment(model).delete();
                    client.services().inNamespace(namespace).withName(resourceName(model)).delete();
                }
                return null;
            });
            return TrafficSplit.none();
        }
        if (spec.image() == null || spec.image().isBlank()) {
            throw DeployException.usage("deploy.kubernetes.image is not set: build the server image with 'mlgate ops-kit --image-tar "
                    + model + ".tar', push it, and set deploy.kubernetes.image to its reference");
        }
        if (spec.kserve()) {
            GenericKubernetesResource isvc = Manifests.inferenceService(model, split, spec, namespace);
            call("apply InferenceService " + isvc.getMetadata().getName(),
                    () -> client.genericKubernetesResources(Manifests.INFERENCE_SERVICE).inNamespace(namespace).resource(isvc)
                            .createOr(NonDeletingOperation::update));
        } else {
            Service service = Manifests.service(model, spec, namespace);
            Deployment deployment = Manifests.deployment(model, split, spec, namespace);
            call("apply Service " + service.getMetadata().getName(),
                    () -> client.services().inNamespace(namespace).resource(service).createOr(NonDeletingOperation::update));
            call("apply Deployment " + deployment.getMetadata().getName(),
                    () -> client.apps().deployments().inNamespace(namespace).resource(deployment).createOr(NonDeletingOperation::update));
        }
        return split;
    }

    /** Waits (up to the timeout) until the rollout is ready: all replicas updated and ready, or KServe's Ready condition. */
    @Override
    public Health health(String model) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Health health = rollout(model);
            if (health.ok() || System.nanoTime() >= deadline) {
                return health.ok() ? health
                        : new Health(health.live(), false, health.detail() + " after " + timeout.toSeconds() + " s (deploy.timeout_seconds)");
            }
            try {
                Thread.sleep(Math.min(2000, Math.max(50, timeout.toMillis() / 20)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Health(health.live(), false, "interrupted while waiting: " + health.detail());
            }
        }
    }

    private Health rollout(String model) {
        String name = namespace + "/" + resourceName(model);
        if (spec.kserve()) {
            GenericKubernetesResource isvc = call("read " + name, () -> inferenceService(model).get());
            if (isvc == null) {
                return new Health(false, false, "InferenceService " + name + " not found");
            }
            Object status = isvc.getAdditionalProperties().get("status");
            boolean ready = false;
            if (status instanceof Map<?, ?> s && s.get("conditions") instanceof List<?> conditions) {
                for (Object c : conditions) {
                    if (c instanceof Map<?, ?> m && "Ready".equals(m.get("type")) && "True".equals(String.valueOf(m.get("status")))) {
                        ready = true;
                    }
                }
            }
            return new Health(true, ready, "InferenceService " + name + (ready ? " Ready" : " not Ready yet"));
        }
        Deployment d = call("read " + name, () -> deployment(model).get());
        if (d == null) {
            return new Health(false, false, "Deployment " + name + " not found");
        }
        int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        DeploymentStatus s = d.getStatus();
        int ready = s == null || s.getReadyReplicas() == null ? 0 : s.getReadyReplicas();
        int updated = s == null || s.getUpdatedReplicas() == null ? 0 : s.getUpdatedReplicas();
        Long generation = d.getMetadata().getGeneration();
        boolean observed = generation == null || (s != null && s.getObservedGeneration() != null && s.getObservedGeneration() >= generation);
        boolean ok = observed && ready >= wanted && updated >= wanted;
        return new Health(true, ok, "Deployment " + name + ": " + ready + "/" + wanted + " replicas ready, " + updated + " updated");
    }

    @Override
    public boolean canPredict() {
        return publicClient != null;
    }

    @Override
    public ServedPredictions predict(String model, List<Map<String, String>> rows) {
        if (publicClient == null) {
            throw DeployException.usage("the kubernetes target cannot reach the model from here; set deploy.url to the Service's Ingress URL");
        }
        return publicClient.predict(model, rows);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    /** {@code mlgate-<model>}, a valid DNS-1035 label. */
    public static String resourceName(String model) {
        String name = "mlgate-" + model.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        name = name.length() > 63 ? name.substring(0, 63) : name;
        return name.replaceAll("-+$", "");
    }

    private Resource<Deployment> deployment(String model) {
        return client.apps().deployments().inNamespace(namespace).withName(resourceName(model));
    }

    private Resource<GenericKubernetesResource> inferenceService(String model) {
        return client.genericKubernetesResources(Manifests.INFERENCE_SERVICE).inNamespace(namespace).withName(resourceName(model));
    }

    private String kind() {
        return spec.kserve() ? "InferenceService" : "Deployment";
    }

    private interface Call<T> {
        T run();
    }

    private <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (KubernetesClientException e) {
            String hint = e.getCode() == 401 || e.getCode() == 403 ? "; check the credentials and RBAC of the kubeconfig / service account"
                    : e.getCode() == 404 && spec.kserve() ? "; is KServe installed (CRD inferenceservices.serving.kserve.io)?" : "";
            throw new DeployException("kubernetes: cannot " + what + " in namespace " + namespace + ": "
                    + Objects.requireNonNullElse(e.getMessage(), e.toString()) + hint, e);
        }
    }
}
