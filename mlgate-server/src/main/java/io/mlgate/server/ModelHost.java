package io.mlgate.server;

import io.mlgate.core.data.ReferenceProfile;
import io.mlgate.core.deploy.TrafficSplit;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.registry.ModelVersion;
import io.mlgate.core.train.FeatureEncoder;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.train.Predictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The models a server hosts: per model an immutable {@link Routing} table in an
 * {@link AtomicReference}. {@link #apply} loads and warms every version a new traffic split
 * needs BEFORE swapping the table in one step; requests that already read the old table finish
 * on it, and the old versions are released when the last of them is done (plain garbage
 * collection). Changes to one model are serialised; reads never lock.
 */
public final class ModelHost {
    /** The file {@code mlgate train} writes beside the model: the training bins for drift. */
    public static final String REFERENCE_PROFILE_FILE = "reference-profile.json";
    private static final Logger LOG = Logger.getLogger(ModelHost.class.getName());
    private static final int WARMUP_PREDICTIONS = 20;
    private static final java.util.regex.Pattern MODEL_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final ModelRegistry registry;
    private final String registryName;
    private final int driftWindow;
    private final int driftMinRows;
    private final Map<String, AtomicReference<Routing>> routings = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final ServerMetrics metrics;

    ModelHost(ModelRegistry registry, String registryName, int driftWindow, int driftMinRows) {
        this.registry = registry;
        this.registryName = registryName;
        this.driftWindow = driftWindow;
        this.driftMinRows = driftMinRows;
        this.metrics = new ServerMetrics(this::routings);
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** The routing table of a model, or null when it was never deployed here. */
    public Routing routing(String model) {
        AtomicReference<Routing> ref = routings.get(model);
        return ref == null ? null : ref.get();
    }

    /** Every routing table, by model name. */
    public Collection<Routing> routings() {
        List<Routing> all = new ArrayList<>(routings.size());
        for (AtomicReference<Routing> ref : routings.values()) {
            all.add(ref.get());
        }
        return all;
    }

    /** Model name to {@link TrafficSplit#describe()} of the deployed models, sorted. */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        for (Routing r : routings()) {
            if (r.isDeployed()) {
                out.put(r.model(), r.split().describe());
            }
        }
        return out;
    }

    /** Whether the model is deployed here or registered in the server's registry. */
    public boolean isKnown(String model) {
        if (routings.containsKey(model)) {
            return true;
        }
        if (!MODEL_NAME.matcher(model).matches()) {
            return false;
        }
        try {
            return !registry.versions(model).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The version a name denotes: the version itself when registered, else the version an alias points at. */
    public String resolve(String model, String versionOrAlias) {
        if (registry.version(model, versionOrAlias).isPresent()) {
            return versionOrAlias;
        }
        if (ModelRegistry.ALIAS_PATTERN.matcher(versionOrAlias).matches()) {
            Optional<ModelVersion> aliased = registry.alias(model, versionOrAlias);
            if (aliased.isPresent()) {
                return aliased.get().version();
            }
        }
        throw new ServerException(400, "version", model + " has no version or alias '" + versionOrAlias + "' in " + registryName
                + "; registered versions: " + registeredVersions(model));
    }

    /**
     * Routes {@code model} by {@code split}: loads and warms the versions it names that are not
     * loaded yet, then swaps the routing table atomically. On any failure nothing changes.
     *
     * @return the split now in effect
     * @throws ServerException 404 for a model the registry does not have, 400 for a version it
     *                         does not have (listing the registered ones), 500 when a version
     *                         cannot be loaded or fails its warm-up prediction
     */
    public TrafficSplit apply(String model, TrafficSplit split) {
        synchronized (locks.computeIfAbsent(model, m -> new Object())) {
            if (!split.isDeployed()) {
                return undeploy(model);
            }
            List<String> registered = registeredVersions(model);
            if (registered.isEmpty()) {
                throw new ServerException(404, null, "model '" + model + "' is not in the registry " + registryName
                        + "; register it first (mlgate register) or check the name; registered models: " + registry.models());
            }
            check(model, "stable", split.stable(), registered);
            check(model, "canary", split.canary(), registered);
            check(model, "shadow", split.shadow(), registered);
            Routing current = routing(model);
            Map<String, LoadedModel> loaded = new HashMap<>();
            if (current != null) {
                for (LoadedModel m : new LoadedModel[] {current.stable(), current.canary(), current.shadow()}) {
                    if (m != null) {
                        loaded.put(m.version(), m);
                    }
                }
            }
            LoadedModel stable = obtain(model, split.stable(), loaded);
            LoadedModel canary = split.canary() == null ? null : obtain(model, split.canary(), loaded);
            LoadedModel shadow = split.shadow() == null ? null : obtain(model, split.shadow(), loaded);
            Routing next = new Routing(model, split, stable, canary, shadow);
            routings.computeIfAbsent(model, m -> new AtomicReference<>()).set(next);
            LOG.info(() -> model + ": " + split.describe() + (current == null || !current.isDeployed() ? ""
                    : " (was " + current.split().describe() + ")"));
            return split;
        }
    }

    /**
     * Takes a model out of service; later predict calls get 503 until it is deployed again.
     *
     * @return {@link TrafficSplit#none()}
     * @throws ServerException 404 when the model is not deployed here
     */
    public TrafficSplit undeploy(String model) {
        synchronized (locks.computeIfAbsent(model, m -> new Object())) {
            AtomicReference<Routing> ref = routings.get(model);
            if (ref == null || !ref.get().isDeployed()) {
                throw new ServerException(404, null, "model '" + model + "' is not deployed on this server; deployed: " + describe());
            }
            ref.set(Routing.undeployed(model));
            LOG.info(() -> model + ": undeployed");
            return TrafficSplit.none();
        }
    }

    private void check(String model, String field, String version, List<String> registered) {
        if (version != null && !registered.contains(version)) {
            throw new ServerException(400, field, model + " has no version '" + version + "' in " + registryName
                    + "; registered versions: " + registered);
        }
    }

    private List<String> registeredVersions(String model) {
        if (!MODEL_NAME.matcher(model).matches()) {
            throw new ServerException(404, null, "'" + model + "' is not a model name ([a-z0-9][a-z0-9._-]{0,63})");
        }
        return registry.versions(model).stream().map(ModelVersion::version).toList();
    }

    private LoadedModel obtain(String model, String version, Map<String, LoadedModel> loaded) {
        LoadedModel m = loaded.get(version);
        if (m == null) {
            m = load(model, version);
            loaded.put(version, m);
        }
        return m;
    }

    /** Loads a version from the registry and warms it with predictions on a synthetic row. */
    LoadedModel load(String model, String version) {
        long start = System.nanoTime();
        Path dir;
        ModelArtifact artifact;
        try {
            dir = registry.modelDirectory(model, version);
            artifact = ModelArtifact.load(dir);
        } catch (RuntimeException e) {
            throw new ServerException(500, null, "cannot load " + model + " version " + version + " from " + registryName + ": "
                    + e.getMessage(), e);
        }
        Predictor predictor = artifact.predictor();
        LiveDrift drift = null;
        Path profileFile = dir.resolve(REFERENCE_PROFILE_FILE);
        if (Files.isRegularFile(profileFile)) {
            try {
                drift = new LiveDrift(ReferenceProfile.fromJson(Files.readString(profileFile)), driftWindow, driftMinRows);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, model + " version " + version + ": no live drift, " + profileFile + " is unreadable: "
                        + e.getMessage(), e);
            }
        }
        Map<String, String> row = warmupRow(artifact.card().encoder());
        try {
            for (int i = 0; i < WARMUP_PREDICTIONS; i++) {
                predictor.predictRow(row);
            }
        } catch (RuntimeException e) {
            throw new ServerException(500, null, model + " version " + version + " failed its warm-up prediction ("
                    + e.getMessage() + "); it was not deployed", e);
        }
        ServerMetrics.VersionMetrics versionMetrics = metrics.forVersion(model, version, artifact.card().task(),
                artifact.card().classes());
        LOG.info(() -> String.format("%s version %s loaded and warmed in %.0f ms (%s)", model, version,
                (System.nanoTime() - start) / 1e6, artifact.card().trainer()));
        return new LoadedModel(model, version, predictor, Instant.now(), drift, versionMetrics);
    }

    /** A row every column of the encoder accepts: training fills, else a typical value. */
    static Map<String, String> warmupRow(FeatureEncoder encoder) {
        Map<String, String> row = new LinkedHashMap<>();
        for (FeatureEncoder.Column c : encoder.columns()) {
            String value = switch (c.kind()) {
                case NUMERIC -> String.valueOf(c.fill() != null ? c.fill() : c.mean() != null ? c.mean() : 0.0);
                case BOOL -> c.fill() != null && c.fill() >= 0.5 ? "true" : "false";
                case CATEGORY -> c.fillCategory() != null ? c.fillCategory()
                        : c.categories() != null && !c.categories().isEmpty() ? c.categories().get(0) : "unknown";
            };
            row.put(c.name(), value);
        }
        return row;
    }
}
