package io.mlgate.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.Task;
import io.mlgate.core.config.TrainSpec;
import io.mlgate.core.util.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;

class BinaryXGBoostClassificationTrainerTest {
    private static final Map<String, Object> PARAMS = Map.of("rounds", 12, "depth", 3);

    private static FeatureEncoder encoder;
    private static RawTable raw;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        Path file = TrainFixtures.lendingClub();
        List<String> header = DatasetLoader.header(file);
        Map<String, FeatureEncoder.Kind> kinds = FeatureEncoder.inferKinds(header, DatasetLoader.sample(file, 1000, new ArrayList<>()));
        FeatureEncoder plan = FeatureEncoder.plan(ContractSpec.empty(), TrainSpec.defaults(), "Class", Task.CLASSIFICATION, header, kinds);
        raw = DatasetLoader.read(file, plan, "Class", Task.CLASSIFICATION, true);
        encoder = plan.fit(raw);
    }

    private static int[] firstRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static MutableDataset<Label> columnar(int n) {
        return (MutableDataset<Label>) DatasetLoader.dataset(raw, encoder, firstRows(n), null, "train");
    }

    @SuppressWarnings("unchecked")
    private static MutableDataset<Label> byAdding(int n) {
        return (MutableDataset<Label>) DatasetLoader.datasetByAdding(raw, encoder, firstRows(n), null, "train");
    }

    @SuppressWarnings("unchecked")
    private static XGBoostModel<Label> train(MutableDataset<Label> ds) {
        return (XGBoostModel<Label>) ((XGBoostTrainer<Label>) TrainerFactory.create(Task.CLASSIFICATION, "xgboost", PARAMS, 42, 2)).train(ds);
    }

    private static JsonNode learner(XGBoostModel<Label> model) throws Exception {
        return new ObjectMapper().readTree(model.getInnerModels().get(0).toByteArray("json")).path("learner");
    }

    @Test
    void aTwoClassLabelTrainsBinaryLogisticWithOneTreePerRound() throws Exception {
        XGBoostModel<Label> model = train(columnar(3000));

        JsonNode learner = learner(model);
        assertThat(learner.path("objective").path("name").asText()).isEqualTo("binary:logistic");
        assertThat(learner.path("gradient_booster").path("model").path("trees").size()).isEqualTo(12);
    }

    @Test
    void aTwoClassModelScoresBothClassesAsPAndOneMinusP() {
        XGBoostModel<Label> model = train(columnar(3000));

        Prediction<Label> p = model.predict(byAdding(3100).getExample(3050));

        double bad = p.getOutputScores().get("bad").getScore();
        double good = p.getOutputScores().get("good").getScore();
        assertThat(bad + good).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.getOutput().getLabel()).isEqualTo(bad > good ? "bad" : "good");
        assertThat(p.hasProbabilities()).isTrue();
    }

    @Test
    void theMatrixBuiltFromColumnsTrainsTheSameModelAsTribuosConversion() {
        MutableDataset<Label> reference = byAdding(3000);
        XGBoostModel<Label> fromColumns = train(columnar(3000));
        XGBoostModel<Label> fromExamples = train(reference);

        assertThat(fromColumns.getModelDump()).usingElementComparator((x, y) -> java.util.Arrays.equals(x, y) ? 0 : 1)
                .isEqualTo(fromExamples.getModelDump());
        List<Prediction<Label>> a = fromColumns.predict(reference);
        List<Prediction<Label>> b = fromExamples.predict(reference);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).getOutputScores()).isEqualTo(b.get(i).getOutputScores());
        }
    }

    @Test
    void moreThanTwoClassesTrainExactlyWhatTribuosOwnTrainerTrains() {
        Path file = TrainFixtures.lendingClub();
        List<String> header = DatasetLoader.header(file);
        Map<String, FeatureEncoder.Kind> kinds = FeatureEncoder.inferKinds(header, DatasetLoader.sample(file, 1000, new ArrayList<>()));
        FeatureEncoder plan = FeatureEncoder.plan(ContractSpec.empty(),
                new TrainSpec(null, null, null, null, null, null, List.of("funded_amnt", "int_rate", "annual_inc", "term"), null, null, null),
                "verification_status", Task.CLASSIFICATION, header, kinds);
        RawTable table = DatasetLoader.read(file, plan, "verification_status", Task.CLASSIFICATION, true);
        FeatureEncoder enc = plan.fit(table);
        @SuppressWarnings("unchecked")
        MutableDataset<Label> ds = (MutableDataset<Label>) DatasetLoader.dataset(table, enc, firstRows(table.rows()), null, "multi");
        XGBoostClassificationTrainer tribuo = new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
                XGBoostTrainer.TreeMethod.HIST, 12, 0.3, 0.0, 3, 1.0, 1.0, 1.0, 1.0, 0.0, 2, XGBoostTrainer.LoggingVerbosity.SILENT, 42);

        XGBoostModel<Label> ours = train(ds);
        Model<Label> theirs = tribuo.train(ds);

        assertThat(ds.getOutputInfo().size()).isGreaterThan(2);
        List<Prediction<Label>> a = ours.predict(ds);
        List<Prediction<Label>> b = theirs.predict(ds);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).getOutputScores()).isEqualTo(b.get(i).getOutputScores());
        }
    }

    @Test
    void aSavedAndLoadedBinaryModelKeepsItsConverterProvenanceAndPredictions() {
        ModelArtifact artifact = ModelTrainer.train(TrainFixtures.lendingClub("trainer: xgboost\nparams: {rounds: 15, depth: 3}"),
                ContractSpec.empty(), Progress.NONE).artifact();
        artifact.save(dir);

        ModelArtifact loaded = ModelArtifact.load(dir);

        assertThat(loaded.model()).isInstanceOf(XGBoostModel.class);
        assertThat(loaded.provenance()).contains(BinaryXGBoostClassificationTrainer.class.getName()).contains("org.tribuo.MutableDataset");
        Path data = TrainFixtures.lendingClub();
        assertThat(loaded.predictor().withoutFastPath().predict(data, "Class").positiveScore())
                .containsExactly(artifact.predictor().withoutFastPath().predict(data, "Class").positiveScore());
    }
}
