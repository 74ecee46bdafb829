package io.mlgate.core.predict;

/**
 * A model compiled to plain Java arrays. Thread safe and allocation free apart from what the
 * caller passes in.
 */
interface RowScorer {
    /** Marks a row whose exact Tribuo answer this scorer cannot guarantee (the caller asks Tribuo). */
    int UNSURE = -2;

    /**
     * Scores one encoded row.
     *
     * @param x   features by Tribuo feature id, NaN where absent
     * @param out one value per Tribuo output id: class probabilities, or the regression value
     * @return the Tribuo output id Tribuo would predict (0 for regression), or {@link #UNSURE}
     */
    int score(double[] x, double[] out);

    /** What was compiled, e.g. {@code xgboost: 300 trees, 2 classes}. */
    String describe();
}
