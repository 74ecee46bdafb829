package io.mlgate.core.predict;

import io.mlgate.core.config.Task;
import io.mlgate.core.train.ModelCard;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;

/**
 * A model compiled to plain Java (see {@link FastPredictors}): scores a row of cells or an encoded
 * example without Tribuo or xgboost4j, with exactly the numbers Tribuo's {@code Model.predict}
 * gives. Thread safe.
 */
public final class FastPredictor {
    private final RowEncoder encoder;
    private final RowScorer scorer;
    private final Task task;
    private final int outputs;
    /** for each Tribuo output id, its index in {@code card.classes()} (-1 when absent). */
    private final int[] classIndex;
    private final List<String> classes;
    private final String[] outputNames;

    FastPredictor(RowEncoder encoder, RowScorer scorer, ModelCard card, String[] outputNames) {
        this.encoder = encoder;
        this.scorer = scorer;
        this.task = card.task();
        this.outputs = outputNames.length;
        this.outputNames = outputNames;
        this.classes = task == Task.CLASSIFICATION ? List.copyOf(card.classes()) : List.of();
        this.classIndex = new int[outputs];
        for (int i = 0; i < outputs; i++) {
            classIndex[i] = classes.indexOf(outputNames[i]);
        }
    }

    /**
     * What Tribuo would have predicted for one row.
     *
     * @param predicted the class Tribuo's argmax picks (classification), else null
     * @param values    classification: the probability of each of the card's classes, in
     *                  {@code card.classes()} order (0 for a class the model never saw);
     *                  regression: one value, the model output before the encoder's target
     *                  decoding (as in Tribuo's {@code Regressor})
     */
    public record Scored(String predicted, double[] values) {
    }

    /**
     * Scores one row of cells (column name to cell text), encoded as {@code FeatureEncoder.encode}
     * does.
     *
     * @return the scores, or null in the rare case the fast path cannot guarantee Tribuo's exact
     *         answer for this row (then ask Tribuo)
     * @throws io.mlgate.core.data.DataException     for an empty cell without impute rule or a
     *                                               number column holding text
     * @throws IllegalArgumentException when no cell gives a feature the model knows (as Tribuo)
     */
    public Scored score(Map<String, String> row) {
        double[] x = new double[encoder.width()];
        int present = encoder.encode(row, x);
        return finish(x, present, row.keySet());
    }

    /**
     * Scores an example already encoded with the model's encoder (the batch path).
     *
     * @return the scores, or null when Tribuo must answer this example itself
     */
    public Scored score(Example<?> example) {
        double[] x = new double[encoder.width()];
        int present = encoder.encode(example, x);
        return finish(x, present, example);
    }

    private Scored finish(double[] x, int present, Object what) {
        if (present == 0) {
            throw new IllegalArgumentException("no feature the model knows in " + what + "; the row needs at least one of the model's "
                    + "feature columns with a value seen in training");
        }
        double[] out = new double[outputs];
        int best = scorer.score(x, out);
        if (best == RowScorer.UNSURE) {
            return null;
        }
        if (task == Task.REGRESSION) {
            return new Scored(null, out);
        }
        double[] probabilities = new double[classes.size()];
        for (int i = 0; i < outputs; i++) {
            if (classIndex[i] >= 0) {
                probabilities[classIndex[i]] = out[i];
            }
        }
        return new Scored(best < 0 ? null : outputNames[best], probabilities);
    }

    /** What was compiled, e.g. {@code xgboost: 300 trees, 2100 nodes, 2 classes}. */
    public String describe() {
        return scorer.describe();
    }
}
