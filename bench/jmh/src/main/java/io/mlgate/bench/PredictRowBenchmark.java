package io.mlgate.bench;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.data.CsvRow;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.train.ModelTrainer;
import io.mlgate.core.train.Predictor;
import io.mlgate.core.util.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code Predictor.predictRow} on the Lending Club holdout, one row per call (cycling through the
 * rows): the compiled plain-Java path against the Tribuo path (for XGBoost, a DMatrix per call).
 * The model is trained in the setup with the example pipeline's parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PredictRowBenchmark {
    @Param({"xgboost", "logistic"})
    public String trainer;

    private Predictor fast;
    private Predictor tribuo;
    private List<Map<String, String>> rows;
    private int next;

    @Setup
    public void setup() {
        Path data = Path.of(System.getProperty("mlgate.data", "examples/lending-club/data")).toAbsolutePath();
        String params = trainer.equals("xgboost")
                ? "{rounds: 150, depth: 3, eta: 0.05, subsample: 0.8, colsample: 0.8, min_child_weight: 5}"
                : "{epochs: 5}";
        String yaml = "model: credit-risk\ntask: classification\nlabel: Class\npositive: bad\ndata: {train: train.csv}\n"
                + "train:\n  trainer: " + trainer + "\n  params: " + params + "\n  seed: 42\n  threshold: optimize\n";
        LoadedConfig loaded = new LoadedConfig(null, data, ConfigLoader.parse(yaml, "benchmark"));
        ModelArtifact model = ModelTrainer.train(loaded, loaded.config().contract(), Progress.NONE).artifact();
        fast = model.predictor();
        tribuo = fast.withoutFastPath();
        if (!fast.fastPath()) {
            throw new IllegalStateException("no fast path for " + trainer);
        }
        rows = new ArrayList<>();
        try (CsvSource source = CsvSource.open(data.resolve("holdout.csv"))) {
            List<String> header = source.header();
            while (source.hasNext()) {
                CsvRow row = source.next();
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), row.fields()[i]);
                }
                rows.add(cells);
            }
        }
    }

    private Map<String, String> nextRow() {
        int i = next + 1;
        if (i == rows.size()) {
            i = 0;
        }
        next = i;
        return rows.get(i);
    }

    @Benchmark
    public Map<String, Object> fastPath() {
        return fast.predictRow(nextRow());
    }

    @Benchmark
    public Map<String, Object> tribuoPath() {
        return tribuo.predictRow(nextRow());
    }
}
