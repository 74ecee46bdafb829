package io.mlgate.core.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.util.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tribuo.Model;

/**
 * A trained model as a directory: {@code model.tribuo} (Tribuo protobuf, never Java
 * serialization), {@code model.json} ({@link ModelCard}), {@code provenance.json} (Tribuo
 * provenance) and {@code training.json} ({@link TrainingReport}, optional on load).
 *
 * @param model      the Tribuo model
 * @param card       what the model is and how to feed it
 * @param provenance Tribuo provenance as JSON
 * @param training   how the model was picked, or null when not saved
 */
public record ModelArtifact(Model<?> model, ModelCard card, String provenance, TrainingReport training) {

    public static final String MODEL_FILE = "model.tribuo";
    public static final String CARD_FILE = "model.json";
    public static final String PROVENANCE_FILE = "provenance.json";
    public static final String TRAINING_FILE = "training.json";

    private static final ObjectMapper JSON = ConfigLoader.jsonMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    /** Tribuo's provenance of a model as pretty JSON (olcut's marshalled form, which it can read back). */
    public static String provenanceJson(Model<?> model) {
        return new JsonProvenanceSerialization(true).serializeToString(ProvenanceUtil.marshalProvenance(model.getProvenance()));
    }

    /** Writes the four files into {@code dir} (created when missing); each file is replaced atomically. */
    public void save(Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try {
            model.serializeToStream(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the model for " + dir.resolve(MODEL_FILE) + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(dir.resolve(MODEL_FILE), bytes.toByteArray());
        AtomicFiles.write(dir.resolve(CARD_FILE), json(card));
        AtomicFiles.write(dir.resolve(PROVENANCE_FILE), provenance);
        if (training != null) {
            AtomicFiles.write(dir.resolve(TRAINING_FILE), json(training));
        }
    }

    /**
     * Reads a model directory written by {@link #save}.
     *
     * @throws IllegalArgumentException when the directory is not a model directory or the files disagree
     */
    public static ModelArtifact load(Path dir) {
        Path modelFile = dir.resolve(MODEL_FILE);
        Path cardFile = dir.resolve(CARD_FILE);
        if (!Files.isRegularFile(modelFile) || !Files.isRegularFile(cardFile)) {
            throw new IllegalArgumentException(dir + " is not a model directory: it needs " + MODEL_FILE + " and " + CARD_FILE
                    + " (written by mlgate train)");
        }
        try {
            ModelCard card = JSON.readValue(cardFile.toFile(), ModelCard.class);
            Model<?> model = Model.deserializeFromFile(modelFile);
            boolean matches = card.task() == io.mlgate.core.config.Task.CLASSIFICATION
                    ? model.validate(org.tribuo.classification.Label.class) : model.validate(org.tribuo.regression.Regressor.class);
            if (!matches) {
                throw new IllegalArgumentException(modelFile + " holds a model of another task than " + CARD_FILE + " says ("
                        + card.task().yamlName() + "); the directory is inconsistent, retrain or restore it");
            }
            Path provFile = dir.resolve(PROVENANCE_FILE);
            String provenance = Files.isRegularFile(provFile) ? Files.readString(provFile) : provenanceJson(model);
            Path trainingFile = dir.resolve(TRAINING_FILE);
            TrainingReport training = Files.isRegularFile(trainingFile) ? JSON.readValue(trainingFile.toFile(), TrainingReport.class) : null;
            return new ModelArtifact(model, card, provenance, training);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A predictor for this model (thread safe). */
    public Predictor predictor() {
        return new Predictor(model, card);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
