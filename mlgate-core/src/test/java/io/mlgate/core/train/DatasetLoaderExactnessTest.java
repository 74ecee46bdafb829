package io.mlgate.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.config.Task;
import io.mlgate.core.config.TrainSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;

/**
 * The fast loader (bytes to columns, columns to a dataset in one pass) gives exactly what the
 * reference path (FastCSV Strings, one {@code MutableDataset.add} per example) gives, on the
 * example data: same parsed columns, same examples row by row, same feature infos, same outputs,
 * same density and provenance.
 */
class DatasetLoaderExactnessTest {

    private static FeatureEncoder inferred(Path file, String label, Task task) {
        List<String> header = DatasetLoader.header(file);
        Map<String, FeatureEncoder.Kind> kinds = FeatureEncoder.inferKinds(header, DatasetLoader.sample(file, 1000, new ArrayList<>()));
        return FeatureEncoder.plan(ContractSpec.empty(), TrainSpec.defaults(), label, task, header, kinds);
    }

    private static FeatureEncoder credit() {
        LoadedConfig c = TrainFixtures.creditData("""
                Status: {type: category, role: label}
                Job: {type: category, nullable: true, impute: mode}
                Seniority: {type: int}
                Home: {type: category, nullable: true, impute: mode}
                Time: {type: int}
                Age: {type: int}
                Marital: {type: category, nullable: true, impute: "constant:unknown"}
                Records: {type: category}
                Expenses: {type: int}
                Income: {type: float, nullable: true, impute: median}
                Assets: {type: float, nullable: true, impute: median}
                Debt: {type: float, nullable: true, impute: zero}
                Amount: {type: int}
                Price: {type: int}""", "trainer: xgboost");
        return FeatureEncoder.plan(c.config().contract(), c.config().train(), "Status", Task.CLASSIFICATION, List.of(), Map.of());
    }

    @Test
    void lendingClubLoadsExactlyAsTheReferencePath() {
        sameEverywhere(TrainFixtures.lendingClub(), inferred(TrainFixtures.lendingClub(), "Class", Task.CLASSIFICATION), "Class",
                Task.CLASSIFICATION);
    }

    @Test
    void creditDataWithEmptyCellsAndImputeRulesLoadsExactlyAsTheReferencePath() {
        sameEverywhere(TrainFixtures.dataDir().resolve("credit_data.csv"), credit(), "Status", Task.CLASSIFICATION);
    }

    @Test
    void amesRegressionLoadsExactlyAsTheReferencePath() {
        sameEverywhere(TrainFixtures.ames(), inferred(TrainFixtures.ames(), "Sale_Price", Task.REGRESSION), "Sale_Price", Task.REGRESSION);
    }

    /** Parsing, then datasets of all rows and of a weighted random subset, for plain, standardised and binned encoders. */
    private static void sameEverywhere(Path file, FeatureEncoder plan, String label, Task task) {
        RawTable fast = CsvBytes.read(file, plan, label, task, true);
        RawTable reference = DatasetLoader.readWithCsvSource(file, plan, label, task, true);
        assertThat(fast).as("the byte parser reads this file itself").isNotNull();
        sameTable(fast, reference, plan.columns().size());

        FeatureEncoder fitted = plan.fit(reference);
        int n = reference.rows();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Random rng = new Random(7);
        int[] some = rng.ints(n / 3, 0, n).distinct().toArray();
        float[] weights = new float[some.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.5f + rng.nextInt(4);
        }
        for (FeatureEncoder enc : List.of(fitted, fitted.standardized(reference), fitted.binned(reference, 16))) {
            sameDataset(DatasetLoader.dataset(fast, enc, all, null, "all"), DatasetLoader.datasetByAdding(reference, enc, all, null, "all"));
            sameDataset(DatasetLoader.dataset(fast, enc, some, weights, "some"),
                    DatasetLoader.datasetByAdding(reference, enc, some, weights, "some"));
        }
    }

    private static void sameTable(RawTable a, RawTable b, int columns) {
        assertThat(a.rows()).isEqualTo(b.rows());
        for (int c = 0; c < columns; c++) {
            if (b.codes(c) != null) {
                assertThat(a.codes(c)).as("codes of column %d", c).isEqualTo(b.codes(c));
                assertThat(a.dictionary(c)).as("dictionary of column %d", c).isEqualTo(b.dictionary(c));
            } else {
                assertThat(java.util.Arrays.equals(a.values(c), b.values(c))).as("values of column %d, bit for bit", c).isTrue();
            }
        }
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(java.util.Arrays.equals(a.targets(), b.targets())).isTrue();
    }

    private static void sameDataset(MutableDataset<?> fast, MutableDataset<?> reference) {
        assertThat(fast).isInstanceOf(ColumnarDataset.class);
        assertThat(fast.size()).isEqualTo(reference.size());
        for (int i = 0; i < reference.size(); i++) {
            Example<?> x = fast.getExample(i);
            Example<?> y = reference.getExample(i);
            assertThat(x.getOutput()).as("output of row %d", i).isEqualTo(y.getOutput());
            assertThat(x.getWeight()).as("weight of row %d", i).isEqualTo(y.getWeight());
            assertThat(x.size()).as("size of row %d", i).isEqualTo(y.size());
            Iterator<Feature> fx = x.iterator();
            Iterator<Feature> fy = y.iterator();
            while (fy.hasNext()) {
                Feature u = fx.next();
                Feature v = fy.next();
                assertThat(u.getName()).as("feature name in row %d", i).isEqualTo(v.getName());
                assertThat(Double.doubleToRawLongBits(u.getValue())).as("%s in row %d", v.getName(), i)
                        .isEqualTo(Double.doubleToRawLongBits(v.getValue()));
            }
        }
        assertThat(fast.getFeatureMap().size()).isEqualTo(reference.getFeatureMap().size());
        for (VariableInfo info : reference.getFeatureMap()) {
            VariableInfo mine = fast.getFeatureMap().get(info.getName());
            // equals() compares type, count, min/max/mean/sum of squares or every value's count
            assertThat(mine).as("info of %s", info.getName()).isEqualTo(info);
            assertThat(mine.getClass()).isEqualTo(info.getClass());
        }
        assertThat(fast.getFeatureMap()).isEqualTo(reference.getFeatureMap());
        assertThat(fast.getOutputInfo()).isEqualTo(reference.getOutputInfo());
        assertThat(fast.getOutputInfo().toReadableString()).isEqualTo(reference.getOutputInfo().toReadableString());
        assertThat(fast.isDense()).isEqualTo(reference.isDense());
        // the same provenance, but for the clock (each dataset source records when it was made)
        String time = "datasource-creation-time=[^,)]*";
        assertThat(fast.getProvenance().toString().replaceAll(time, "")).isEqualTo(reference.getProvenance().toString().replaceAll(time, ""));
    }
}
