package io.mlgate.core.train;

import com.google.protobuf.Any;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.protos.XGBoostOutputConverterProto;

/**
 * Turns the single output of an XGBoost {@code binary:logistic} booster, p = P(output id 1), into
 * a two-class Tribuo {@link Label} prediction {id 0: 1 - p, id 1: p}, the prediction being the
 * first label with the strictly greatest score in id order (as Tribuo's own
 * {@code XGBoostClassificationConverter} picks). Stateless; stored in the model's protobuf by
 * class name and read back through {@link #deserializeFromProto}.
 */
public final class BinaryLogisticConverter implements XGBoostOutputConverter<Label> {
    private static final long serialVersionUID = 1L;

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;

    /** The converter of a two-class binary:logistic model. */
    public BinaryLogisticConverter() {
    }

    /**
     * Deserialization factory, called by Tribuo's {@code ProtoUtil} when a model is loaded.
     *
     * @throws IllegalArgumentException for an unknown version
     */
    public static BinaryLogisticConverter deserializeFromProto(int version, String className, Any message) {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", " + className + " supports at most version " + CURRENT_VERSION);
        }
        return new BinaryLogisticConverter();
    }

    @Override
    public boolean generatesProbabilities() {
        return true;
    }

    @Override
    public Prediction<Label> convertOutput(ImmutableOutputInfo<Label> info, List<float[]> probabilitiesList, int numValidFeatures,
                                           Example<Label> example) {
        if (probabilitiesList.size() != 1) {
            throw new IllegalArgumentException("BinaryLogisticConverter expects a single model output.");
        }
        return prediction(info, probabilitiesList.get(0)[0], numValidFeatures, example);
    }

    @Override
    public List<Prediction<Label>> convertBatchOutput(ImmutableOutputInfo<Label> info, List<float[][]> probabilitiesList,
                                                      int[] numValidFeatures, Example<Label>[] examples) {
        if (probabilitiesList.size() != 1) {
            throw new IllegalArgumentException("BinaryLogisticConverter expects a single model output.");
        }
        float[][] p = probabilitiesList.get(0);
        List<Prediction<Label>> predictions = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            predictions.add(prediction(info, p[i][0], numValidFeatures[i], examples[i]));
        }
        return predictions;
    }

    /** Score of output id 0 and id 1 for a booster output p (the fast predictor computes the same). */
    static double[] scores(float p) {
        return new double[] {1.0 - p, p};
    }

    private static Prediction<Label> prediction(ImmutableOutputInfo<Label> info, float p, int numValidFeatures, Example<Label> example) {
        if (info.size() != 2) {
            throw new IllegalStateException("a binary:logistic model needs exactly two outputs, the model has " + info.size());
        }
        double[] scores = scores(p);
        double maxScore = Double.NEGATIVE_INFINITY;
        Label maxLabel = null;
        LinkedHashMap<String, Label> probMap = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            String name = info.getOutput(i).getLabel();
            Label label = new Label(name, scores[i]);
            probMap.put(name, label);
            if (label.getScore() > maxScore) {
                maxScore = label.getScore();
                maxLabel = label;
            }
        }
        return new Prediction<>(maxLabel, probMap, numValidFeatures, example, true);
    }

    @Override
    public XGBoostOutputConverterProto serialize() {
        return XGBoostOutputConverterProto.newBuilder()
                .setVersion(CURRENT_VERSION)
                .setClassName(BinaryLogisticConverter.class.getName())
                .build();
    }

    @Override
    public Class<Label> getTypeWitness() {
        return Label.class;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryLogisticConverter;
    }

    @Override
    public int hashCode() {
        return BinaryLogisticConverter.class.hashCode();
    }

    @Override
    public String toString() {
        return "BinaryLogisticConverter()";
    }
}
