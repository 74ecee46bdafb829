package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Settings of the {@code kubernetes} deploy target ({@code deploy.kubernetes} in mlgate.yaml).
 * The cluster itself comes from the usual kubeconfig / in-cluster service account.
 *
 * @param namespace     namespace of the resources (default: the kubeconfig's, else {@code default})
 * @param image         the server image with the model's registry inside (see {@code mlgate ops-kit --image-tar}),
 *                      e.g. {@code registry.example/mlgate/credit-risk:3}
 * @param kserve        true: a KServe InferenceService; false (default): a Deployment and a Service
 * @param replicas      pods of the Deployment / minReplicas of the InferenceService (default 2)
 * @param port          container port of {@code mlgate serve} (default 8080)
 * @param registryPath  where the registry is inside the container (default /registry)
 * @param registryClaim a PersistentVolumeClaim mounted read-only at {@code registry_path}, instead of a registry baked
 *                      into the image
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubernetesSpec(String namespace, String image, Boolean kserve, Integer replicas, Integer port,
        String registryPath, String registryClaim) {
    public KubernetesSpec {
        kserve = kserve != null && kserve;
        replicas = replicas == null ? 2 : replicas;
        port = port == null ? 8080 : port;
        registryPath = registryPath == null ? "/registry" : registryPath;
    }

    public static KubernetesSpec defaults() {
        return new KubernetesSpec(null, null, null, null, null, null, null);
    }
}
