import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.config.Task;
import io.mlgate.core.data.ContractInferrer;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.data.DataValidator;
import io.mlgate.core.data.ReferenceProfile;
import io.mlgate.core.data.ValidationReport;
import io.mlgate.core.evaluate.Evaluator;
import io.mlgate.core.evaluate.Predictions;
import io.mlgate.core.train.DatasetLoader;
import io.mlgate.core.train.FeatureEncoder;
import io.mlgate.core.train.TrainerFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * The mlgate side of the benchmark: times, in one warm JVM, what mlgate does on the generated
 * data, through mlgate-core's public API only.
 *
 * <pre>
 * java -cp mlgate.jar:classes Bench TRAIN.csv HOLDOUT.csv [key=value ...]
 *   reps=5 train_reps=3 rounds=200 depth=6 eta=0.1 threads=2 seed=42 probe=true probe_train_reps=1
 * </pre>
 *
 * Prints tab-separated lines for bench/run.sh:
 * <pre>
 * TIME  mlgate  OP  MEDIAN_S  MIN_S  FIRST_S  REPS
 * AUC   mlgate  MODEL  VALUE
 * INFO  mlgate  KEY  VALUE
 * </pre>
 * FIRST_S is the first (cold JVM) run; the median is over the runs after {@link #WARMUP} warm-up runs.
 */
public final class Bench {
    static final int WARMUP = 1;
    static final String LABEL = "Class";
    static final String POSITIVE = "bad";

    public static void main(String[] args) throws Exception {
        Path train = Path.of(args[0]);
        Path holdout = Path.of(args[1]);
        Map<String, String> opt = options(args);
        int reps = Integer.parseInt(opt.getOrDefault("reps", "5"));
        int trainReps = Integer.parseInt(opt.getOrDefault("train_reps", "3"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
        long seed = Long.parseLong(opt.getOrDefault("seed", "42"));
        boolean probe = Boolean.parseBoolean(opt.getOrDefault("probe", "true"));
        int probeReps = Integer.parseInt(opt.getOrDefault("probe_train_reps", "1"));
        Map<String, Object> xgbParams = new LinkedHashMap<>();
        xgbParams.put("rounds", Integer.parseInt(opt.getOrDefault("rounds", "200")));
        xgbParams.put("depth", Integer.parseInt(opt.getOrDefault("depth", "6")));
        xgbParams.put("eta", Double.parseDouble(opt.getOrDefault("eta", "0.1")));
        xgbParams.put("subsample", 1.0);
        xgbParams.put("colsample", 1.0);
        xgbParams.put("lambda", 1.0);
        xgbParams.put("alpha", 0.0);
        xgbParams.put("min_child_weight", 1.0);
        xgbParams.put("gamma", 0.0);
        Runtime rt = Runtime.getRuntime();
        info("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        info("cpus", String.valueOf(rt.availableProcessors()));
        info("max_heap_mb", String.valueOf(rt.maxMemory() >> 20));
        info("tribuo", org.tribuo.Tribuo.VERSION);
        info("xgboost_params", xgbParams + " threads=" + threads + " seed=" + seed);

        PipelineConfig config = ConfigLoader.parse(
                "model: bench\ntask: classification\nlabel: Class\npositive: bad\n", "bench.yaml");

        // --- contract and encoder: what a first `mlgate run` does before anything else
        ContractSpec contract = time("infer_contract", reps, () -> ContractInferrer.infer(train, config));
        FeatureEncoder enc = time("fit_encoder", reps,
                () -> FeatureEncoder.fromTrainingData(contract, config.train(), LABEL, Task.CLASSIFICATION, train));
        info("features", enc.featureNames().size() + " (" + enc.columns().size() + " columns)");

        // --- (a) CSV -> Tribuo dataset
        time("csv_scan", reps, () -> scan(train));
        DatasetLoader.LoadedData data = time("load", reps,
                () -> DatasetLoader.load(train, enc, LABEL, Task.CLASSIFICATION));
        info("train_rows", String.valueOf(data.size()));

        // --- (b) validation
        ReferenceProfile profile = time("profile", reps, () -> ReferenceProfile.compute(train, contract, LABEL));
        ValidationReport report = time("validate", reps,
                () -> DataValidator.validate(holdout, contract, profile, LABEL, true));
        info("validate_status", report.status() + " rows=" + report.rows() + " checks=" + report.checks().size()
                + " drift_features=" + report.drift().size());

        DatasetLoader.LoadedData hold = DatasetLoader.load(holdout, enc, LABEL, Task.CLASSIFICATION);

        // --- (c) XGBoost
        @SuppressWarnings("unchecked")
        Trainer<Label> xgb = (Trainer<Label>) TrainerFactory.create(Task.CLASSIFICATION, "xgboost", xgbParams, seed, threads);
        @SuppressWarnings("unchecked")
        MutableDataset<Label> ds = (MutableDataset<Label>) data.dataset();
        Model<Label> xgbModel = time("xgboost_train", trainReps, () -> xgb.train(ds));
        auc("xgboost", xgbModel, hold);

        // --- (d) logistic: trained on standardised numeric columns, as ModelTrainer does
        FeatureEncoder std = standardized(enc, ds);
        DatasetLoader.LoadedData stdTrain = DatasetLoader.load(train, std, LABEL, Task.CLASSIFICATION);
        DatasetLoader.LoadedData stdHold = DatasetLoader.load(holdout, std, LABEL, Task.CLASSIFICATION);
        @SuppressWarnings("unchecked")
        Trainer<Label> logistic = (Trainer<Label>) TrainerFactory.create(Task.CLASSIFICATION, "logistic", Map.of(), seed, threads);
        @SuppressWarnings("unchecked")
        MutableDataset<Label> stdDs = (MutableDataset<Label>) stdTrain.dataset();
        Model<Label> logModel = time("logistic_train", trainReps, () -> logistic.train(stdDs));
        auc("logistic", logModel, stdHold);

        if (probe) {
            Probe.run(train, enc, ds, hold, xgbParams, seed, threads, reps, probeReps);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** One full pass of mlgate's CSV reader, nothing else: the floor of any mlgate load. */
    static long scan(Path csv) {
        long cells = 0;
        try (CsvSource source = CsvSource.open(csv)) {
            while (source.hasNext()) {
                cells += source.next().fields().length;
            }
        }
        return cells;
    }

    /** The encoder with numeric columns standardised on the training rows (population std, as mlgate does). */
    static FeatureEncoder standardized(FeatureEncoder enc, MutableDataset<Label> ds) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (FeatureEncoder.Column c : enc.columns()) {
            if (c.kind() == FeatureEncoder.Kind.NUMERIC) {
                sums.put(c.name(), new double[3]);
            }
        }
        for (Example<Label> ex : ds) {
            for (Feature f : ex) {
                double[] s = sums.get(f.getName());
                if (s != null) {
                    s[0] += f.getValue();
                    s[1] += f.getValue() * f.getValue();
                    s[2]++;
                }
            }
        }
        List<FeatureEncoder.Column> cols = new ArrayList<>();
        for (FeatureEncoder.Column c : enc.columns()) {
            double[] s = sums.get(c.name());
            if (s == null) {
                cols.add(c);
                continue;
            }
            double mean = s[0] / s[2];
            double sd = Math.sqrt(Math.max(0, s[1] / s[2] - mean * mean));
            cols.add(new FeatureEncoder.Column(c.name(), c.kind(), c.impute(), c.fill(), c.fillCategory(), c.categories(),
                    mean, sd > 1e-12 ? sd : 1.0, c.binEdges()));
        }
        return new FeatureEncoder(enc.label(), enc.task(), cols, null, null);
    }

    static void auc(String name, Model<Label> model, DatasetLoader.LoadedData hold) {
        List<Prediction<Label>> predictions = model.predict(hold.dataset().getData().stream()
                .map(e -> { @SuppressWarnings("unchecked") Example<Label> x = (Example<Label>) e; return x; }).toList());
        double[] scores = new double[predictions.size()];
        String[] predicted = new String[scores.length];
        for (int i = 0; i < scores.length; i++) {
            Label l = predictions.get(i).getOutputScores().get(POSITIVE);
            scores[i] = l == null ? 0.0 : l.getScore();
            predicted[i] = scores[i] >= 0.5 ? POSITIVE : "good";
        }
        auc(name, hold.labels(), scores);
    }

    static void auc(String name, String[] actual, double[] scores) {
        String[] predicted = new String[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= 0.5 ? POSITIVE : "good";
        }
        double auc = Evaluator.evaluate(Predictions.classification(POSITIVE, 0.5, actual, predicted, scores)).get("auc");
        System.out.printf(Locale.ROOT, "AUC\tmlgate\t%s\t%.5f%n", name, auc);
    }

    static void info(String key, String value) {
        System.out.println("INFO\tmlgate\t" + key + "\t" + value);
    }

    interface Op<T> {
        T run() throws Exception;
    }

    /** Runs an operation WARMUP + reps times; prints the median of the timed reps, their min and the first (cold) run. */
    static <T> T time(String op, int reps, Op<T> body) throws Exception {
        T result = null;
        double first = Double.NaN;
        double[] s = new double[reps];
        for (int i = -WARMUP; i < reps; i++) {
            System.gc(); // garbage of the previous run is not charged to this one
            long t0 = System.nanoTime();
            result = body.run();
            double sec = (System.nanoTime() - t0) / 1e9;
            if (i == -WARMUP) {
                first = sec;
            }
            if (i >= 0) {
                s[i] = sec;
            }
        }
        java.util.Arrays.sort(s);
        double median = reps % 2 == 1 ? s[reps / 2] : (s[reps / 2 - 1] + s[reps / 2]) / 2;
        System.out.printf(Locale.ROOT, "TIME\tmlgate\t%s\t%.4f\t%.4f\t%.4f\t%d%n", op, median, s[0], first, reps);
        System.out.flush();
        return result;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("option '" + args[i] + "' is not key=value");
            }
            m.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return m;
    }
}
