package io.mlgate.core.predict;

import io.mlgate.core.config.Task;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.train.ModelCard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;

/**
 * Compiles a trained model to plain Java so a single row is scored in microseconds instead of
 * going through Tribuo (for XGBoost, a native DMatrix per call, ~1 ms):
 * <ul>
 *   <li>XGBoost and random forest (XGBoost forest mode): trees from the booster's JSON model,
 *       evaluated with xgboost's float arithmetic ({@link XGBoostScorer});</li>
 *   <li>CART: Tribuo's tree flattened to arrays ({@link TreeScorer});</li>
 *   <li>logistic / linear: the weight matrix ({@link LinearScorer}).</li>
 * </ul>
 * Predictions equal Tribuo's exactly (tested on holdouts). Any other model, or one using a
 * feature this compiler does not support, gives an empty result and stays on Tribuo.
 */
public final class FastPredictors {
    private FastPredictors() {
    }

    /** The fast predictor of a model artifact, or empty when its model type is not supported. */
    public static Optional<FastPredictor> compile(ModelArtifact artifact) {
        return compile(artifact.model(), artifact.card());
    }

    /**
     * The fast predictor of a model, or empty when its type is not supported. Never throws:
     * a model that cannot be compiled simply keeps the Tribuo path.
     */
    public static Optional<FastPredictor> compile(Model<?> model, ModelCard card) {
        try {
            return Optional.ofNullable(compileOrNull(model, card));
        } catch (RuntimeException | java.io.IOException | ml.dmlc.xgboost4j.java.XGBoostError e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static FastPredictor compileOrNull(Model<?> model, ModelCard card) throws java.io.IOException, ml.dmlc.xgboost4j.java.XGBoostError {
        boolean classification = card.task() == Task.CLASSIFICATION;
        if (classification ? !model.validate(Label.class) : !model.validate(Regressor.class)) {
            return null;
        }
        ImmutableOutputInfo<?> info = model.getOutputIDInfo();
        int outputs = classification ? info.size() : 1;
        String[] outputNames = new String[outputs];
        if (classification) {
            for (int i = 0; i < outputs; i++) {
                outputNames[i] = ((Label) info.getOutput(i)).getLabel();
            }
        } else {
            if (info.size() != 1) {
                return null; // multi-dimensional regression is not something mlgate trains
            }
            outputNames[0] = card.label();
        }
        int numFeatures = model.getFeatureIDMap().size();
        RowScorer scorer;
        if (model instanceof XGBoostModel<?> xgb) {
            List<Booster> boosters = xgb.getInnerModels();
            try {
                if (boosters.size() != 1) {
                    return null;
                }
                scorer = XGBoostScorer.compile(boosters.get(0).toByteArray("json"), classification, outputs, numFeatures);
            } finally {
                boosters.forEach(Booster::dispose);
            }
        } else if (model instanceof IndependentRegressionTreeModel tree) {
            Map<String, Node<Regressor>> roots = tree.getRoots();
            if (roots.size() != 1) {
                return null;
            }
            scorer = TreeScorer.compile(roots.values().iterator().next(), 1, r -> 0,
                    leaf -> new double[] {leaf.getOutput().getValues()[0]});
        } else if (model instanceof TreeModel<?> tree && classification) {
            ImmutableOutputInfo<Label> labels = (ImmutableOutputInfo<Label>) info;
            scorer = TreeScorer.compile(((TreeModel<Label>) tree).getRoot(), outputs, labels::getID,
                    leaf -> leafProbabilities(leaf, outputNames));
        } else if (model instanceof AbstractLinearSGDModel<?> linear) {
            DenseMatrix w = linear.getWeightsCopy();
            if (w.getDimension1Size() != outputs || w.getDimension2Size() != numFeatures + 1) {
                return null;
            }
            double[][] weights = new double[outputs][numFeatures + 1];
            for (int o = 0; o < outputs; o++) {
                for (int j = 0; j <= numFeatures; j++) {
                    weights[o][j] = w.get(o, j);
                }
            }
            boolean knownKind = classification ? linear instanceof org.tribuo.classification.sgd.linear.LinearSGDModel
                    : linear instanceof org.tribuo.regression.sgd.linear.LinearSGDModel;
            // classification scores are probabilities only with LogMulticlass (ExpNormalizer)
            if (!knownKind || (classification && !model.generatesProbabilities())) {
                return null;
            }
            scorer = new LinearScorer(weights, classification);
        } else {
            return null;
        }
        return new FastPredictor(new RowEncoder(card.encoder(), model.getFeatureIDMap()), scorer, card, outputNames);
    }

    private static double[] leafProbabilities(LeafNode<Label> leaf, String[] outputNames) {
        double[] p = new double[outputNames.length];
        Map<String, Label> dist = leaf.getDistribution();
        for (int i = 0; i < outputNames.length; i++) {
            Label l = dist.get(outputNames[i]);
            p[i] = l == null ? 0.0 : l.getScore();
        }
        return p;
    }
}
