package io.mlgate.core.train;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationConverter;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * Tribuo's XGBoost classifier, except that a two-class label trains {@code binary:logistic}
 * (one tree per round, what a Python user runs) instead of {@code multi:softprob} with
 * {@code num_class=2} (two trees per round, twice the work), which Tribuo's
 * {@code XGBoostClassificationTrainer} always uses and cannot be told otherwise. Three or more
 * classes train {@code multi:softprob} exactly as Tribuo does.
 *
 * <p>The model is a plain Tribuo {@link XGBoostModel}: the two-class one predicts through
 * {@link BinaryLogisticConverter} ({id 0: 1 - p, id 1: p}, p the booster's output, id 1 the label
 * XGBoost sees as 1), saves and loads through Tribuo's protobuf like any other, and keeps the
 * booster, its feature ids and the provenance (trainer class and parameters, dataset).
 *
 * <p>The training matrix of a {@link ColumnarDataset} is built straight from its columns; any
 * other dataset goes through Tribuo's own conversion.
 */
public final class BinaryXGBoostClassificationTrainer extends XGBoostTrainer<Label> {

    /**
     * A trainer with every XGBoost parameter given (see Tribuo's {@code XGBoostTrainer}).
     */
    public BinaryXGBoostClassificationTrainer(BoosterType booster, TreeMethod treeMethod, int numTrees, double eta, double gamma,
                                              int maxDepth, double minChildWeight, double subsample, double featureSubsample,
                                              double lambda, double alpha, int nThread, LoggingVerbosity verbosity, long seed) {
        super(booster, treeMethod, numTrees, eta, gamma, maxDepth, minChildWeight, subsample, featureSubsample, lambda, alpha,
                nThread, verbosity, seed);
        postConfig();
    }

    /** For OLCUT's configuration system. */
    private BinaryXGBoostClassificationTrainer() {
    }

    @Override
    public void postConfig() {
        super.postConfig();
        parameters.put("objective", "binary:logistic");
    }

    @Override
    public synchronized XGBoostModel<Label> train(Dataset<Label> examples) {
        return train(examples, Collections.emptyMap());
    }

    @Override
    public synchronized XGBoostModel<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized XGBoostModel<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException("The supplied Dataset contained unknown Outputs, and this Trainer is supervised.");
        }
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(invocationCount);
        }
        TrainerProvenance trainerProvenance = getProvenance();
        trainInvocationCounter++;
        Map<String, Object> params = copyParams(overrideParameters.isEmpty() ? parameters : overrideParameters);
        boolean binary = outputInfo.size() == 2;
        if (binary) {
            params.put("objective", "binary:logistic");
            params.remove("num_class");
        } else {
            params.put("objective", "multi:softprob");
            params.put("num_class", outputInfo.size());
        }
        Booster booster;
        DMatrix matrix = null;
        try {
            matrix = matrix(examples, featureMap, outputInfo);
            booster = XGBoost.train(matrix, params, numTrees, Collections.emptyMap(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed to train: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
        ModelProvenance provenance = new ModelProvenance(XGBoostModel.class.getName(), OffsetDateTime.now(), examples.getProvenance(),
                trainerProvenance, runProvenance);
        return createModel("xgboost-classification-model", provenance, featureMap, outputInfo, Collections.singletonList(booster),
                binary ? new BinaryLogisticConverter() : new XGBoostClassificationConverter());
    }

    /** The labelled, weighted training matrix: from the columns when the dataset has them, else Tribuo's conversion. */
    private static DMatrix matrix(Dataset<Label> examples, ImmutableFeatureMap featureMap, ImmutableOutputInfo<Label> outputInfo)
            throws XGBoostError {
        ColumnarDataset.Csr csr = examples instanceof ColumnarDataset<Label> columnar ? columnar.csr(featureMap) : null;
        if (csr == null) {
            Function<Label, Float> response = l -> (float) outputInfo.getID(l);
            return convertExamples(examples, featureMap, response).data;
        }
        List<Example<Label>> data = examples.getData();
        float[] weights = new float[data.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = data.get(i).getWeight();
        }
        DMatrix m = new DMatrix(csr.headers(), csr.ids(), csr.values(), DMatrix.SparseType.CSR, featureMap.size());
        m.setLabel(ColumnarDataset.labels(data, outputInfo));
        m.setWeight(weights);
        return m;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
