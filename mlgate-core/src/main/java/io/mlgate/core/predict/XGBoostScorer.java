package io.mlgate.core.predict;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;

/**
 * An XGBoost gbtree model evaluated from its own JSON serialisation
 * ({@code Booster.toByteArray("json")}), reproducing xgboost4j 1.6's CPU predictor bit for bit:
 *
 * <ul>
 *   <li>feature values are cast to float (Tribuo does so building the DMatrix) and compared
 *       {@code value < split_condition} in float; an absent feature follows the node's default
 *       direction (xgboost's "missing"; Tribuo's explicit zeros are present values);</li>
 *   <li>each output group's margin starts at {@code base_score} and adds the float leaf values
 *       tree by tree in model order ({@code tree_info} gives a tree's group);</li>
 *   <li>{@code multi:softprob} applies xgboost's float softmax (max, glibc expf, double sum,
 *       float divide); {@code binary:logistic} (two classes, one margin) applies xgboost's float
 *       sigmoid {@code 1 / (1 + expf(-margin))} and gives {id 0: 1 - p, id 1: p} as mlgate's
 *       {@code BinaryLogisticConverter} does; regression objectives with an identity link return
 *       the margin.</li>
 * </ul>
 * The JSON model rather than the text dump is read because it also holds {@code base_score},
 * {@code tree_info} and the objective, and writes floats in shortest round-trip form, so every
 * threshold and leaf is recovered exactly. Anything else (dart, categorical splits, other
 * objectives, vector leaves) is refused so the caller keeps the Tribuo path.
 */
final class XGBoostScorer implements RowScorer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final int[] roots;
    private final int[] groups;
    private final int[] left;
    private final int[] right;
    private final int[] missing;
    private final int[] feature;
    /** split condition of an inner node, leaf value of a leaf. */
    private final float[] value;
    private final int numGroups;
    private final float baseMargin;
    private final boolean softmax;
    private final boolean sigmoid;

    private XGBoostScorer(int[] roots, int[] groups, int[] left, int[] right, int[] missing, int[] feature, float[] value,
                          int numGroups, float baseMargin, boolean softmax, boolean sigmoid) {
        this.roots = roots;
        this.groups = groups;
        this.left = left;
        this.right = right;
        this.missing = missing;
        this.feature = feature;
        this.value = value;
        this.numGroups = numGroups;
        this.baseMargin = baseMargin;
        this.softmax = softmax;
        this.sigmoid = sigmoid;
    }

    /**
     * Compiles an XGBoost JSON model.
     *
     * @param classification whether the Tribuo model is a classifier (softprob expected)
     * @param outputs        number of Tribuo outputs (classes, or 1)
     * @throws UnsupportedOperationException naming what is not supported
     */
    static XGBoostScorer compile(byte[] jsonModel, boolean classification, int outputs, int numFeatures) throws IOException {
        JsonNode learner = JSON.readTree(jsonModel).path("learner");
        String objective = learner.path("objective").path("name").asText("");
        boolean softmax = false;
        boolean sigmoid = false;
        if (classification) {
            require(objective.equals("multi:softprob") || objective.equals("binary:logistic"), "objective " + objective);
            softmax = objective.equals("multi:softprob");
            sigmoid = !softmax;
        } else {
            require(objective.equals("reg:squarederror") || objective.equals("reg:linear"), "objective " + objective);
        }
        JsonNode booster = learner.path("gradient_booster");
        require(booster.path("name").asText("").equals("gbtree"), "booster " + booster.path("name").asText());
        JsonNode param = learner.path("learner_model_param");
        int numClass = Integer.parseInt(param.path("num_class").asText("0"));
        int numGroups = Math.max(1, numClass);
        require(sigmoid ? numClass == 0 && outputs == 2 : numGroups == outputs, "num_class " + numClass + " for " + outputs + " outputs");
        require(Integer.parseInt(param.path("num_target").asText("1")) == 1, "num_target " + param.path("num_target").asText());
        // softprob's and squared error's ProbToMargin are the identity: base_score is the starting margin
        float baseMargin = Float.parseFloat(param.path("base_score").asText());
        if (sigmoid) {
            // logistic's ProbToMargin is -logf(1/base_score - 1): exactly 0 for the default 0.5, the
            // only base score Tribuo trains with; any other would need glibc's logf
            require(baseMargin == 0.5f, "base_score " + baseMargin);
            baseMargin = 0.0f;
        }
        JsonNode model = booster.path("model");
        JsonNode trees = model.path("trees");
        JsonNode treeInfo = model.path("tree_info");
        require(trees.isArray() && trees.size() > 0 && treeInfo.size() == trees.size(), "tree list");
        int total = 0;
        for (JsonNode t : trees) {
            total += t.path("left_children").size();
        }
        int[] roots = new int[trees.size()];
        int[] groups = new int[trees.size()];
        int[] left = new int[total];
        int[] right = new int[total];
        int[] missing = new int[total];
        int[] feature = new int[total];
        float[] value = new float[total];
        int base = 0;
        for (int t = 0; t < trees.size(); t++) {
            JsonNode tree = trees.get(t);
            require(tree.path("tree_param").path("size_leaf_vector").asText("0").equals("0"), "vector leaves");
            JsonNode lc = tree.path("left_children");
            JsonNode rc = tree.path("right_children");
            JsonNode dl = tree.path("default_left");
            JsonNode si = tree.path("split_indices");
            JsonNode sc = tree.path("split_conditions");
            JsonNode st = tree.path("split_type");
            int n = lc.size();
            require(rc.size() == n && dl.size() == n && si.size() == n && sc.size() == n, "tree " + t + " arrays");
            roots[t] = base;
            groups[t] = treeInfo.get(t).asInt();
            require(groups[t] >= 0 && groups[t] < numGroups, "tree_info " + groups[t]);
            for (int i = 0; i < n; i++) {
                int l = lc.get(i).asInt();
                int node = base + i;
                value[node] = Float.parseFloat(sc.get(i).decimalValue().toString());
                if (l < 0) {
                    left[node] = -1;
                    right[node] = -1;
                    missing[node] = -1;
                    continue;
                }
                require(st.size() == 0 || st.get(i).asInt() == 0, "categorical split in tree " + t);
                int r = rc.get(i).asInt();
                require(l < n && r >= 0 && r < n, "child index in tree " + t);
                left[node] = base + l;
                right[node] = base + r;
                missing[node] = dl.get(i).asInt() != 0 ? left[node] : right[node];
                feature[node] = si.get(i).asInt();
                require(feature[node] >= 0 && feature[node] < numFeatures, "feature index " + feature[node]);
            }
            base += n;
        }
        return new XGBoostScorer(roots, groups, left, right, missing, feature, value, numGroups, baseMargin, softmax, sigmoid);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new UnsupportedOperationException("unsupported XGBoost model: " + what);
        }
    }

    @Override
    public int score(double[] x, double[] out) {
        float[] margin = new float[numGroups];
        Arrays.fill(margin, baseMargin);
        for (int t = 0; t < roots.length; t++) {
            int n = roots[t];
            while (left[n] >= 0) {
                double v = x[feature[n]];
                n = v != v ? missing[n] : ((float) v < value[n] ? left[n] : right[n]);
            }
            margin[groups[t]] += value[n];
        }
        if (sigmoid) {
            return logistic(margin[0], out);
        }
        if (!softmax) {
            out[0] = margin[0];
            return 0;
        }
        // common::Softmax of xgboost 1.6: float max, float expf, double sum, float division
        float wmax = margin[0];
        for (int i = 1; i < numGroups; i++) {
            wmax = Math.max(margin[i], wmax);
        }
        double wsum = 0.0;
        for (int i = 0; i < numGroups; i++) {
            float e = Expf.exp(margin[i] - wmax);
            if (e != e) {
                return UNSURE;
            }
            margin[i] = e;
            wsum += e;
        }
        float sum = (float) wsum;
        // Tribuo's converter: Label(name, (double) p), argmax = first strictly greater in id order
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < numGroups; i++) {
            double p = margin[i] / sum;
            out[i] = p;
            if (p > bestScore) {
                bestScore = p;
                best = i;
            }
        }
        return best;
    }

    /**
     * common::Sigmoid of xgboost 1.6: {@code 1.0f / (1.0f + expf(-x))} in float (later versions
     * clamp -x at 88.7 and add 1e-16f to the denominator, which changes nothing below the clamp,
     * so margins beyond it are left to XGBoost). Then {@code BinaryLogisticConverter}'s scores and
     * argmax: id 1 only when p is strictly greater than 1 - p.
     */
    private static int logistic(float margin, double[] out) {
        float minus = -margin;
        if (!(minus < 88.7f)) {
            return UNSURE;
        }
        float e = Expf.exp(minus);
        if (e != e) {
            return UNSURE;
        }
        float p = 1.0f / (1.0f + e);
        out[0] = 1.0 - p;
        out[1] = p;
        return out[1] > out[0] ? 1 : 0;
    }

    @Override
    public String describe() {
        return "xgboost: " + roots.length + " trees, " + value.length + " nodes, " + (softmax ? numGroups + " classes" : sigmoid ? "2 classes (logistic)" : "regression");
    }
}
