package io.mlgate.core.train;

import io.mlgate.core.config.Task;
import io.mlgate.core.evaluate.Predictions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Applies a trained model to CSV files or single rows, with the stored encoder and decision
 * threshold: a binary prediction is the positive class when its probability is at least the
 * threshold (Tribuo itself only does argmax). Thread safe: Tribuo's {@code Model.predict} is.
 */
public final class Predictor {
    private final Model<?> model;
    private final ModelCard card;
    private final FeatureEncoder encoder;
    private final boolean binary;
    private final String negative;

    Predictor(Model<?> model, ModelCard card) {
        this.model = model;
        this.card = card;
        this.encoder = card.encoder();
        this.binary = card.task() == Task.CLASSIFICATION && card.classes() != null && card.classes().size() == 2 && card.positive() != null;
        this.negative = binary ? card.classes().stream().filter(c -> !c.equals(card.positive())).findFirst().orElseThrow() : null;
    }

    public ModelCard card() {
        return card;
    }

    /**
     * Predicts every row of a CSV that has the label column, aligned with the actual values.
     *
     * @param label the label column; null means the one the model was trained on
     */
    public Predictions predict(Path csv, String label) {
        DatasetLoader.LoadedData data = DatasetLoader.load(csv, encoder, label == null ? card.label() : label, card.task());
        return predict(data);
    }

    /** Predicts rows loaded with this model's encoder. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Predictions predict(DatasetLoader.LoadedData data) {
        List<Prediction<?>> predictions = (List) ((Model) model).predict(data.dataset());
        int n = predictions.size();
        if (card.task() == Task.REGRESSION) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = encoder.decodeTarget(((Regressor) predictions.get(i).getOutput()).getValues()[0]);
            }
            return Predictions.regression(data.values(), values);
        }
        String[] predicted = new String[n];
        double[] score = card.positive() == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            Prediction<Label> p = (Prediction<Label>) predictions.get(i);
            double s = score == null ? Double.NaN : positiveScore(p);
            if (score != null) {
                score[i] = s;
            }
            predicted[i] = binary ? (s >= card.threshold() ? card.positive() : negative) : p.getOutput().getLabel();
        }
        return Predictions.classification(card.positive(), binary ? card.threshold() : Double.NaN, data.labels(), predicted, score);
    }

    private double positiveScore(Prediction<Label> p) {
        Label l = p.getOutputScores().get(card.positive());
        return l == null ? 0.0 : l.getScore();
    }

    /**
     * Predicts one row given as column name to cell text (the model server's path). Empty or
     * missing cells are imputed as in training or rejected; unseen categories encode as zeros.
     *
     * @return {@code prediction} (class or number); for classification also {@code probabilities}
     *         (class to probability) and, for binary problems, {@code score} (positive probability)
     *         and {@code threshold}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, Object> predictRow(Map<String, String> row) {
        FeatureEncoder.EncodedRow enc = encoder.encode(row);
        Map<String, Object> out = new LinkedHashMap<>();
        if (card.task() == Task.REGRESSION) {
            Example<Regressor> ex = new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, enc.names(), enc.values());
            Prediction<Regressor> p = ((Model<Regressor>) (Model) model).predict(ex);
            out.put("prediction", encoder.decodeTarget(p.getOutput().getValues()[0]));
            return out;
        }
        Example<Label> ex = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, enc.names(), enc.values());
        Prediction<Label> p = ((Model<Label>) (Model) model).predict(ex);
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (String c : card.classes()) {
            Label l = p.getOutputScores().get(c);
            probabilities.put(c, l == null ? 0.0 : l.getScore());
        }
        if (binary) {
            double s = positiveScore(p);
            out.put("prediction", s >= card.threshold() ? card.positive() : negative);
            out.put("score", s);
            out.put("threshold", card.threshold());
        } else {
            out.put("prediction", p.getOutput().getLabel());
        }
        out.put("probabilities", probabilities);
        return out;
    }
}
