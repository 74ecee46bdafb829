package io.mlgate.core.deploy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code local} target: a running {@code mlgate serve}, driven through its token-protected
 * admin API. The server loads and warms the versions a split needs and swaps atomically, so a
 * replace is a hot swap without failed requests.
 */
public final class LocalServerTarget implements DeploymentTarget {
    private final ModelServerClient client;

    public LocalServerTarget(URI url, String adminToken, Duration timeout) {
        this.client = new ModelServerClient(url, adminToken, timeout);
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String endpoint() {
        return client.base().toString();
    }

    @Override
    public TrafficSplit current(String model) {
        return client.traffic(model);
    }

    @Override
    public TrafficSplit apply(String model, TrafficSplit split) {
        if (!split.isDeployed()) {
            client.undeploy(model);
            return TrafficSplit.none();
        }
        return client.putTraffic(model, split);
    }

    @Override
    public Health health(String model) {
        return client.health(model);
    }

    @Override
    public ServedPredictions predict(String model, List<Map<String, String>> rows) {
        return client.predict(model, rows);
    }
}
