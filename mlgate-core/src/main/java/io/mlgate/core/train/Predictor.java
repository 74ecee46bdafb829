package io.mlgate.core.train;

import io.mlgate.core.config.Task;
import io.mlgate.core.evaluate.Predictions;
import io.mlgate.core.predict.FastPredictor;
import io.mlgate.core.predict.FastPredictors;
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
 *
 * <p>XGBoost, random-forest, CART, logistic and linear models are also compiled to plain Java
 * ({@link FastPredictors}); rows are then scored without Tribuo, with exactly Tribuo's numbers,
 * in microseconds instead of a native DMatrix per call. Rows the fast path cannot vouch for, and
 * other models, go through Tribuo.
 */
public final class Predictor {
    private final Model<?> model;
    private final ModelCard card;
    private final FeatureEncoder encoder;
    private final boolean binary;
    private final String negative;
    private final FastPredictor fast;

    Predictor(Model<?> model, ModelCard card) {
        this(model, card, FastPredictors.compile(model, card).orElse(null));
    }

    private Predictor(Model<?> model, ModelCard card, FastPredictor fast) {
        this.fast = fast;
        this.model = model;
        this.card = card;
        this.encoder = card.encoder();
        this.binary = card.task() == Task.CLASSIFICATION && card.classes() != null && card.classes().size() == 2 && card.positive() != null;
        this.negative = binary ? card.classes().stream().filter(c -> !c.equals(card.positive())).findFirst().orElseThrow() : null;
    }

    public ModelCard card() {
        return card;
    }

    /** Whether rows are scored by the compiled plain-Java path ({@link FastPredictors}). */
    public boolean fastPath() {
        return fast != null;
    }

    /** The same model scored through Tribuo only (to compare with, or to rule the fast path out). */
    public Predictor withoutFastPath() {
        return new Predictor(model, card, null);
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
        if (fast != null) {
            return predictFast(data);
        }
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

    /** The batch path through the compiled model; an example it cannot vouch for asks Tribuo. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predictions predictFast(DatasetLoader.LoadedData data) {
        List<Example<?>> examples = (List) data.dataset().getData();
        int n = examples.size();
        boolean regression = card.task() == Task.REGRESSION;
        double[] values = regression ? new double[n] : null;
        String[] predicted = regression ? null : new String[n];
        int positiveIndex = card.positive() == null ? -1 : card.classes().indexOf(card.positive());
        double[] score = regression || card.positive() == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            FastPredictor.Scored s = fast.score(examples.get(i));
            if (regression) {
                double v = s != null ? s.values()[0] : ((Prediction<Regressor>) ((Model) model).predict(examples.get(i))).getOutput().getValues()[0];
                values[i] = encoder.decodeTarget(v);
                continue;
            }
            String argmax;
            double positive;
            if (s != null) {
                argmax = s.predicted();
                positive = positiveIndex < 0 ? 0.0 : s.values()[positiveIndex];
            } else {
                Prediction<Label> p = ((Model<Label>) (Model) model).predict((Example<Label>) examples.get(i));
                argmax = p.getOutput().getLabel();
                positive = score == null ? Double.NaN : positiveScore(p);
            }
            if (score != null) {
                score[i] = positive;
            }
            predicted[i] = binary ? (positive >= card.threshold() ? card.positive() : negative) : argmax;
        }
        if (regression) {
            return Predictions.regression(data.values(), values);
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
        if (fast != null) {
            FastPredictor.Scored s = fast.score(row);
            if (s != null) {
                return fastRow(s);
            }
        }
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

    private Map<String, Object> fastRow(FastPredictor.Scored s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (card.task() == Task.REGRESSION) {
            out.put("prediction", encoder.decodeTarget(s.values()[0]));
            return out;
        }
        Map<String, Double> probabilities = new LinkedHashMap<>();
        List<String> classes = card.classes();
        double positive = 0.0;
        for (int i = 0; i < classes.size(); i++) {
            probabilities.put(classes.get(i), s.values()[i]);
            if (classes.get(i).equals(card.positive())) {
                positive = s.values()[i];
            }
        }
        if (binary) {
            out.put("prediction", positive >= card.threshold() ? card.positive() : negative);
            out.put("score", positive);
            out.put("threshold", card.threshold());
        } else {
            out.put("prediction", s.predicted());
        }
        out.put("probabilities", probabilities);
        return out;
    }
}
