package io.mlgate.core.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.mlgate.core.config.KubernetesSpec;
import io.mlgate.core.deploy.DeployException;
import io.mlgate.core.deploy.Health;
import io.mlgate.core.deploy.TrafficSplit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kubernetes target against fabric8's mock API server in CRUD mode. The mock has no kubelet,
 * so {@link Kubelet} plays it: before a health check it marks the rollout ready.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesTargetTest {
    static KubernetesClient client;

    static final String MODEL = "credit-risk";
    static final KubernetesSpec PLAIN = new KubernetesSpec("ml", "registry.example/mlgate/credit-risk:3", false, 2, null, null, null);
    static final KubernetesSpec KSERVE = new KubernetesSpec("ml", "registry.example/mlgate/credit-risk:3", true, 1, null, null, null);

    /** Marks the Deployment's rollout (or the InferenceService) ready, as a kubelet and controller would. */
    static final class Kubelet extends KubernetesTarget {
        Kubelet(KubernetesSpec spec) {
            super(KubernetesTargetTest.client, spec, null, Duration.ofSeconds(5));
        }

        @Override
        public Health health(String model) {
            if (spec.kserve()) {
                GenericKubernetesResource isvc = client.genericKubernetesResources(Manifests.INFERENCE_SERVICE).inNamespace(namespace)
                        .withName(resourceName(model)).get();
                isvc.setAdditionalProperty("status", Map.of("conditions", List.of(Map.of("type", "Ready", "status", "True"))));
                client.genericKubernetesResources(Manifests.INFERENCE_SERVICE).inNamespace(namespace).resource(isvc).update();
            } else {
                Deployment d = client.apps().deployments().inNamespace(namespace).withName(resourceName(model)).get();
                int replicas = d.getSpec().getReplicas();
                d.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas).withUpdatedReplicas(replicas)
                        .withObservedGeneration(d.getMetadata().getGeneration()).build());
                client.apps().deployments().inNamespace(namespace).resource(d).updateStatus();
            }
            return super.health(model);
        }
    }

    private Deployment deployment() {
        return client.apps().deployments().inNamespace("ml").withName("mlgate-credit-risk").get();
    }

    private GenericKubernetesResource inferenceService() {
        return client.genericKubernetesResources(Manifests.INFERENCE_SERVICE).inNamespace("ml").withName("mlgate-credit-risk").get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> predictor(GenericKubernetesResource isvc) {
        return (Map<String, Object>) ((Map<String, Object>) isvc.getAdditionalProperties().get("spec")).get("predictor");
    }

    @Test
    void nothingDeployedReadsAsNone() {
        assertThat(new Kubelet(PLAIN).current("other-model")).isEqualTo(TrafficSplit.none());
    }

    @Test
    void aDeployAppliesADeploymentAndAServiceForOurServerImage() {
        new Kubelet(PLAIN).apply(MODEL, TrafficSplit.only("2"));

        Deployment d = deployment();
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        var container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example/mlgate/credit-risk:3");
        assertThat(container.getArgs()).containsExactly("serve", "--registry", "/registry", "--host", "0.0.0.0", "--port", "8080",
                "--deploy", "credit-risk=2");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/port", "8080")
                .containsEntry("prometheus.io/path", "/metrics");
        assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        Service service = client.services().inNamespace("ml").withName("mlgate-credit-risk").get();
        assertThat(service.getSpec().getSelector()).isEqualTo(d.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    }

    @Test
    void theSplitIsReadBackFromTheDeployment() {
        Kubelet target = new Kubelet(PLAIN);
        target.apply(MODEL, new TrafficSplit("2", "3", 10, "4"));

        assertThat(target.current(MODEL)).isEqualTo(new TrafficSplit("2", "3", 10, "4"));
        assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .containsSubsequence("--deploy", "credit-risk=2", "--canary", "credit-risk=3:10", "--shadow", "credit-risk=4");
    }

    @Test
    void aCanaryMovesFromTenToAHundredPercent() {
        Kubelet target = new Kubelet(PLAIN);
        target.apply(MODEL, TrafficSplit.only("2"));
        target.apply(MODEL, new TrafficSplit("2", "3", 10, null));
        assertThat(target.health(MODEL).ok()).isTrue();

        target.apply(MODEL, new TrafficSplit("2", "3", 100, null));

        assertThat(target.current(MODEL)).isEqualTo(new TrafficSplit("2", "3", 100, null));
        assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).contains("credit-risk=3:100");
    }

    @Test
    void rollingBackRestoresThePreviousManifest() {
        Kubelet target = new Kubelet(PLAIN);
        target.apply(MODEL, TrafficSplit.only("2"));
        List<String> before = deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
        target.apply(MODEL, TrafficSplit.only("3"));

        target.apply(MODEL, TrafficSplit.only("2"));

        assertThat(target.current(MODEL)).isEqualTo(TrafficSplit.only("2"));
        assertThat(deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).isEqualTo(before);
    }

    @Test
    void healthIsReadyOnlyWhenAllReplicasAreUpdatedAndReady() {
        KubernetesTarget noKubelet = new KubernetesTarget(client, PLAIN, null, Duration.ZERO);
        noKubelet.apply("slow-model", TrafficSplit.only("1"));

        Health health = noKubelet.health("slow-model");

        assertThat(health.ok()).isFalse();
        assertThat(health.detail()).isEqualTo("Deployment ml/mlgate-slow-model: 0/2 replicas ready, 0 updated after 0 s (deploy.timeout_seconds)");
        assertThat(new Kubelet(PLAIN).health("slow-model").ok()).isTrue();
    }

    @Test
    void undeployingDeletesTheDeploymentAndTheService() {
        Kubelet target = new Kubelet(PLAIN);
        target.apply(MODEL, TrafficSplit.only("2"));

        target.apply(MODEL, TrafficSplit.none());

        assertThat(deployment()).isNull();
        assertThat(client.services().inNamespace("ml").withName("mlgate-credit-risk").get()).isNull();
        assertThat(target.current(MODEL)).isEqualTo(TrafficSplit.none());
    }

    @Test
    void withoutAnImageTheMessageSaysHowToBuildOne() {
        KubernetesTarget target = new KubernetesTarget(client, new KubernetesSpec("ml", null, false, null, null, null, null), null, Duration.ZERO);

        assertThatThrownBy(() -> target.apply(MODEL, TrafficSplit.only("2")))
                .isInstanceOf(DeployException.class)
                .hasMessageStartingWith("deploy.kubernetes.image is not set: build the server image with 'mlgate ops-kit --image-tar credit-risk.tar'");
    }

    @Test
    void kserveCanaryUsesCanaryTrafficPercentOnTheNewestVersion() {
        Kubelet target = new Kubelet(KSERVE);
        target.apply(MODEL, TrafficSplit.only("2"));

        target.apply(MODEL, new TrafficSplit("2", "3", 10, null));

        GenericKubernetesResource isvc = inferenceService();
        assertThat(isvc.getApiVersion()).isEqualTo("serving.kserve.io/v1beta1");
        assertThat(isvc.getKind()).isEqualTo("InferenceService");
        assertThat(predictor(isvc)).containsEntry("canaryTrafficPercent", 10);
        assertThat(predictor(isvc).get("containers").toString()).contains("credit-risk=3").contains("registry.example/mlgate/credit-risk:3");
        assertThat(target.current(MODEL)).isEqualTo(new TrafficSplit("2", "3", 10, null));
    }

    @Test
    void kserveCanaryMovesFromTenToAHundredAndPromoteDropsThePercent() {
        Kubelet target = new Kubelet(KSERVE);
        target.apply(MODEL, TrafficSplit.only("2"));
        target.apply(MODEL, new TrafficSplit("2", "3", 10, null));

        target.apply(MODEL, new TrafficSplit("2", "3", 100, null));
        assertThat(predictor(inferenceService())).containsEntry("canaryTrafficPercent", 100);
        target.apply(MODEL, TrafficSplit.only("3"));

        assertThat(predictor(inferenceService())).doesNotContainKey("canaryTrafficPercent");
        assertThat(target.health(MODEL).ok()).isTrue();
        assertThat(target.current(MODEL)).isEqualTo(TrafficSplit.only("3"));
    }

    @Test
    void kserveCannotShadow() {
        assertThatThrownBy(() -> new Kubelet(KSERVE).apply(MODEL, new TrafficSplit("2", null, 0, "3")))
                .hasMessageStartingWith("KServe cannot mirror traffic to a shadow; use the plain kubernetes mode");
    }

    @Test
    void resourceNamesAreValidDnsLabels() {
        assertThat(KubernetesTarget.resourceName("credit.risk_v2")).isEqualTo("mlgate-credit-risk-v2");
    }
}
