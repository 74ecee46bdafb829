package io.mlgate.core.deploy;

import java.util.List;
import java.util.Map;

/**
 * Where models are served: a running {@code mlgate serve} ({@link LocalServerTarget}) or a
 * Kubernetes cluster ({@code kubernetes.KubernetesTarget}). A target only reads and writes the
 * routing state ({@link TrafficSplit}) of a model and answers health and predict calls; the
 * strategies, the smoke check, the automatic rollback and the ledger live in {@link Deployer}, so
 * every target behaves the same. Open one with {@link DeploymentTargets#open}.
 */
public interface DeploymentTarget extends AutoCloseable {

    /** {@code local} or {@code kubernetes}; recorded in the ledger. */
    String name();

    /** Where the target is, for messages and the ledger (a URL, or {@code kubernetes://namespace/name}). */
    String endpoint();

    /** The routing state of {@code model} now; {@link TrafficSplit#none()} when it is not deployed. */
    TrafficSplit current(String model);

    /**
     * Makes {@code split} the routing state of {@code model} ({@link TrafficSplit#none()} undeploys)
     * and returns the state the target reports afterwards.
     *
     * @throws DeployException when the target refuses or cannot be reached
     */
    TrafficSplit apply(String model, TrafficSplit split);

    /** Health after a change; waits for a rollout where the target has one. */
    Health health(String model);

    /** Whether {@link #predict} can reach the model from here (a cluster without a public URL cannot). */
    default boolean canPredict() {
        return true;
    }

    /**
     * Sends one predict request (rows as column to cell text) to the deployed model.
     *
     * @throws DeployException when the call fails
     */
    ServedPredictions predict(String model, List<Map<String, String>> rows);

    @Override
    default void close() {
    }
}
