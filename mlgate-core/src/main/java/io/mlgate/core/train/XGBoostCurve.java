package io.mlgate.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * The validation metric of a boosted model after k rounds, for a learning curve. Tribuo's XGBoost
 * trainer keeps no per-round evaluation, so the booster is asked to predict with only its first k
 * rounds ({@code treeLimit}), at about 25 evenly spaced k.
 */
final class XGBoostCurve {
    private XGBoostCurve() {
    }

    /**
     * @param metric turns the raw booster output (rows x outputs, columns in Tribuo output-id order)
     *               into the metric value
     */
    static <T extends Output<T>> List<double[]> compute(XGBoostModel<T> model, List<Example<T>> validation, int rounds,
                                                        ToDoubleFunction<float[][]> metric) {
        if (rounds < 2 || validation.isEmpty()) {
            return List.of();
        }
        Booster booster = model.getInnerModels().get(0);
        DMatrix matrix = null;
        try {
            matrix = toMatrix(validation, model.getFeatureIDMap());
            int step = Math.max(1, rounds / 25);
            int outputs = model.getOutputIDInfo().size();
            List<double[]> points = new ArrayList<>();
            for (int k = step; k <= rounds; k += step) {
                points.add(new double[] {k, metric.applyAsDouble(perOutput(booster.predict(matrix, false, k), outputs))});
            }
            if (points.get(points.size() - 1)[0] != rounds) {
                points.add(new double[] {rounds, metric.applyAsDouble(perOutput(booster.predict(matrix, false, rounds), outputs))});
            }
            return points;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not score the validation rows for the learning curve: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /**
     * One column per Tribuo output id: a two-class binary:logistic booster answers only
     * p = P(id 1), which becomes {1 - p, p} (as {@link BinaryLogisticConverter} does).
     */
    private static float[][] perOutput(float[][] raw, int outputs) {
        if (outputs != 2 || raw.length == 0 || raw[0].length != 1) {
            return raw;
        }
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = new float[] {1f - raw[i][0], raw[i][0]};
        }
        return out;
    }

    /** CSR matrix of examples over the model's feature ids, as Tribuo builds it for prediction. */
    private static <T extends Output<T>> DMatrix toMatrix(List<Example<T>> examples, ImmutableFeatureMap fmap) throws XGBoostError {
        long[] headers = new long[examples.size() + 1];
        int total = 0;
        for (Example<T> e : examples) {
            total += e.size();
        }
        int[] indices = new int[total];
        float[] data = new float[total];
        int pos = 0;
        int row = 0;
        int[] ids = new int[64];
        float[] vals = new float[64];
        for (Example<T> e : examples) {
            int n = 0;
            if (ids.length < e.size()) {
                ids = new int[e.size()];
                vals = new float[e.size()];
            }
            for (Feature f : e) {
                int id = fmap.getID(f.getName());
                if (id >= 0) {
                    ids[n] = id;
                    vals[n++] = (float) f.getValue();
                }
            }
            // sort by id (insertion sort: rows are short and nearly sorted already)
            for (int i = 1; i < n; i++) {
                int id = ids[i];
                float v = vals[i];
                int j = i - 1;
                while (j >= 0 && ids[j] > id) {
                    ids[j + 1] = ids[j];
                    vals[j + 1] = vals[j];
                    j--;
                }
                ids[j + 1] = id;
                vals[j + 1] = v;
            }
            System.arraycopy(ids, 0, indices, pos, n);
            System.arraycopy(vals, 0, data, pos, n);
            pos += n;
            headers[++row] = pos;
        }
        return new DMatrix(headers, Arrays.copyOf(indices, pos), Arrays.copyOf(data, pos), DMatrix.SparseType.CSR, fmap.size());
    }
}
