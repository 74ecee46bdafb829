package io.mlgate.server;

import io.mlgate.core.train.ModelCard;
import io.mlgate.core.train.Predictor;
import java.time.Instant;

/**
 * One model version loaded and warmed in the server: its predictor, its card, its live drift
 * window (null when the model directory has no reference profile) and its metric handles.
 * Immutable apart from the drift window and the metric values; shared by every routing table
 * that uses the version.
 */
public final class LoadedModel {
    private final String model;
    private final String version;
    private final Predictor predictor;
    private final ModelCard card;
    private final Instant loadedAt;
    private final LiveDrift drift;
    private final InputCheck input;
    private final ServerMetrics.VersionMetrics metrics;

    LoadedModel(String model, String version, Predictor predictor, Instant loadedAt, LiveDrift drift,
                ServerMetrics.VersionMetrics metrics) {
        this.model = model;
        this.version = version;
        this.predictor = predictor;
        this.card = predictor.card();
        this.loadedAt = loadedAt;
        this.drift = drift;
        this.input = new InputCheck(card.encoder());
        this.metrics = metrics;
    }

    public String model() {
        return model;
    }

    public String version() {
        return version;
    }

    public Predictor predictor() {
        return predictor;
    }

    public ModelCard card() {
        return card;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    /** The live drift window, or null when the model was saved without {@code reference-profile.json}. */
    public LiveDrift drift() {
        return drift;
    }

    InputCheck input() {
        return input;
    }

    ServerMetrics.VersionMetrics metrics() {
        return metrics;
    }
}
