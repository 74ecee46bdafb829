package io.mlgate.core.train;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.mlgate.core.config.CandidateSpec;
import io.mlgate.core.config.ClassWeights;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.ImportanceMethod;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.config.SearchMethod;
import io.mlgate.core.config.SearchSpec;
import io.mlgate.core.config.Task;
import io.mlgate.core.config.TrainSpec;
import io.mlgate.core.data.DataException;
import io.mlgate.core.evaluate.MetricCatalog;
import io.mlgate.core.util.Digests;
import io.mlgate.core.util.Progress;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.regression.Regressor;

/**
 * Trains the candidates of {@code train:} on the training CSV, picks the best by
 * {@code train.search.metric} on a seeded validation split (stratified for classification) or
 * k folds, chooses the decision threshold, and retrains the winner on all training rows. The
 * same seed and data give identical predictions.
 */
public final class ModelTrainer {

    private ModelTrainer() {
    }

    /**
     * Trains a model.
     *
     * @param loaded   the configuration ({@code data.train}, {@code label}, {@code train:})
     * @param contract the data contract (which columns are features, impute rules); when it lists
     *                 no columns, column kinds are inferred from the first 1000 rows
     * @param progress progress of the candidates trained
     * @throws IllegalArgumentException for a configuration problem (message names the key)
     * @throws DataException            for data that cannot be trained on (names file:line)
     */
    public static TrainingOutcome train(LoadedConfig loaded, ContractSpec contract, Progress progress) {
        long started = System.nanoTime();
        PipelineConfig config = loaded.config();
        TrainSpec ts = config.train();
        Task task = config.task();
        String label = config.label();
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label is not set; set 'label' in mlgate.yaml to the target column");
        }
        Path csv = loaded.resolve(config.data().train());
        if (csv == null) {
            throw new IllegalArgumentException("data.train is not set; set it in mlgate.yaml to the training CSV");
        }
        SearchSpec search = ts.search() != null ? ts.search() : new SearchSpec(null, null, null, null, null, null);
        MetricCatalog metric = metric(search.metric(), task);
        List<Candidate> candidates = expand(task, ts, search);

        // --- data
        Map<String, FeatureEncoder.Kind> inferred = Map.of();
        List<String> header;
        if (contract.columns().isEmpty()) {
            List<String> h = new ArrayList<>();
            List<String[]> sample = DatasetLoader.sample(csv, 1000, h);
            header = h;
            inferred = FeatureEncoder.inferKinds(header, sample);
        } else {
            header = DatasetLoader.header(csv);
        }
        FeatureEncoder plan = FeatureEncoder.plan(contract, ts, label, task, header, inferred);
        RawTable raw = DatasetLoader.read(csv, plan, label, task, true);
        FeatureEncoder base = plan.fit(raw);
        int n = raw.rows();
        String dataSha = Digests.sha256(csv);
        String configSha = Digests.sha256(ConfigLoader.toYaml(config));

        // --- classes and the positive class
        List<String> classes = null;
        String positive = null;
        String positiveNote = null;
        int[] classOf = null;
        if (task == Task.CLASSIFICATION) {
            TreeMap<String, Integer> counts = new TreeMap<>();
            for (String l : raw.labels()) {
                counts.merge(l, 1, Integer::sum);
            }
            classes = List.copyOf(counts.keySet());
            if (classes.size() < 2) {
                throw new DataException(csv + ": label column '" + label + "' has only the class " + classes
                        + "; classification needs at least two classes in the training data");
            }
            if (config.positive() != null) {
                positive = config.positive();
                if (!counts.containsKey(positive)) {
                    throw new DataException(csv + ": positive class '" + positive + "' never occurs in label column '" + label
                            + "'; the classes are " + classes + " (labels are matched exactly, case included); fix 'positive' in mlgate.yaml");
                }
            } else if (classes.size() == 2) {
                positive = classes.get(0);
                for (String c : classes) {
                    if (counts.get(c) < counts.get(positive)) {
                        positive = c;
                    }
                }
                positiveNote = String.format(Locale.ROOT, "positive class not set; using the minority class '%s' (%.1f%% of %d rows); set 'positive' to choose",
                        positive, 100.0 * counts.get(positive) / n, n);
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < classes.size(); i++) {
                index.put(classes.get(i), i);
            }
            classOf = new int[n];
            for (int i = 0; i < n; i++) {
                classOf[i] = index.get(raw.labels()[i]);
            }
        }
        boolean binary = classes != null && classes.size() == 2;
        Double fixedThreshold = threshold(ts.threshold());
        double searchThreshold = fixedThreshold != null ? fixedThreshold : 0.5;

        // --- validation plan
        int folds = search.folds() >= 2 ? search.folds() : 0;
        Random rng = new Random(ts.seed());
        int[][] validationSets;
        String validation;
        if (folds >= 2) {
            if (folds > n) {
                throw new IllegalArgumentException("train.search.folds is " + folds + " but the training data has only " + n + " rows");
            }
            validationSets = foldSets(n, folds, classOf, classes == null ? 0 : classes.size(), rng);
            validation = folds + "-fold" + (classOf != null ? " stratified" : "");
        } else {
            validationSets = new int[][] {validationSplit(n, search.validationFraction(), classOf, classes == null ? 0 : classes.size(), rng)};
            validation = "split " + search.validationFraction() + (classOf != null ? " stratified" : "") + ", seed " + ts.seed();
        }
        for (int[] v : validationSets) {
            if (v.length == 0 || v.length == n) {
                throw new DataException(csv + ": " + n + " rows are too few to hold out a validation part ("
                        + validation + "); add rows or change train.search.validation_fraction");
            }
        }

        // --- candidates
        Map<String, FeatureEncoder> encoders = new HashMap<>();
        List<CandidateResult> results = new ArrayList<>();
        List<double[]> scoresPerCandidate = new ArrayList<>();
        progress.start("training " + candidates.size() + " candidate" + (candidates.size() == 1 ? "" : "s"),
                (long) candidates.size() * validationSets.length + 1);
        int validationRows = 0;
        boolean[] isPositive = null;
        if (positive != null) {
            isPositive = new boolean[n];
            for (int i = 0; i < n; i++) {
                isPositive[i] = raw.labels()[i].equals(positive);
            }
        }
        // the best candidate so far and its model of the first split, for permutation importance on
        // rows that model did not see (same rule as the pick below: strictly better, NaN skipped)
        Model<?> bestSplitModel = null;
        double bestSoFar = Double.NaN;
        for (Candidate cand : candidates) {
            FeatureEncoder enc = encoderFor(cand, base, raw, encoders);
            Model<?> splitModel = null;
            double[] oofScore = new double[n];
            double[][] oofProbs = binary || task == Task.REGRESSION ? null : new double[n][];
            List<int[]> scoredRows = new ArrayList<>();
            List<double[]> curve = List.of();
            String curveName = null;
            for (int f = 0; f < validationSets.length; f++) {
                int[] val = validationSets[f];
                int[] trn = complement(n, val);
                Fitted fitted = fit(cand, enc, raw, trn, task, ts, classOf, classes == null ? 0 : classes.size());
                List<Example<?>> valExamples = examplesOf(raw, enc, val, task);
                Scored s = score(fitted.model, valExamples, task, classes, positive, enc);
                for (int i = 0; i < val.length; i++) {
                    if (s.values != null) {
                        oofScore[val[i]] = s.values[i];
                    }
                    if (oofProbs != null) {
                        oofProbs[val[i]] = s.probs[i];
                    }
                }
                scoredRows.add(val);
                if (f == 0) {
                    splitModel = fitted.model;
                    if (fitted.model instanceof XGBoostModel<?> xgb && "xgboost".equals(cand.trainer)) {
                        curve = xgboostCurve(xgb, valExamples, val, cand, metric, task, classes, positive, classOf, isPositive, raw,
                                searchThreshold, enc);
                        curveName = "validation " + metric.metricName();
                    } else if (!fitted.lossCurve.isEmpty()) {
                        curve = fitted.lossCurve;
                        curveName = "training loss";
                    }
                }
                progress.advance(1);
            }
            int[] rows = scoredRows.stream().flatMapToInt(Arrays::stream).sorted().toArray();
            validationRows = rows.length;
            double value = metricValue(metric, task, rows, oofScore, oofProbs, isPositive, classOf, raw.targets(), searchThreshold);
            results.add(new CandidateResult(cand.trainer, cand.params, metric.metricName(), value, curve, curveName));
            if (!Double.isNaN(value) && (Double.isNaN(bestSoFar) || (metric.higherIsBetter() ? value > bestSoFar : value < bestSoFar))) {
                bestSoFar = value;
                bestSplitModel = splitModel;
            }
            double[] kept = new double[n];
            System.arraycopy(oofScore, 0, kept, 0, n);
            scoresPerCandidate.add(kept);
        }

        // --- pick the best, then the threshold
        int bestIndex = -1;
        for (int i = 0; i < results.size(); i++) {
            double v = results.get(i).validationScore();
            if (Double.isNaN(v)) {
                continue;
            }
            if (bestIndex < 0 || (metric.higherIsBetter() ? v > results.get(bestIndex).validationScore() : v < results.get(bestIndex).validationScore())) {
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            throw new DataException(csv + ": no candidate could be scored by " + metric.metricName()
                    + " on the validation rows (e.g. only one class there); add rows or pick another train.search.metric");
        }
        Candidate best = candidates.get(bestIndex);
        Double threshold = null;
        String thresholdRule = null;
        if (binary) {
            if (fixedThreshold != null) {
                threshold = fixedThreshold;
                thresholdRule = "fixed";
            } else {
                int[] rows = Arrays.stream(validationSets).flatMapToInt(Arrays::stream).sorted().toArray();
                boolean[] pos = new boolean[rows.length];
                double[] sc = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    pos[i] = isPositive[rows[i]];
                    sc[i] = scoresPerCandidate.get(bestIndex)[rows[i]];
                }
                threshold = ValidationScore.bestF1Threshold(pos, sc);
                thresholdRule = "optimize (best F1 on " + rows.length + " validation rows)";
            }
        }

        // --- retrain the winner on every training row
        FeatureEncoder finalEncoder = encoderFor(best, base, raw, encoders);
        int[] all = IntStream.range(0, n).toArray();
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("mlgate-data-sha256", new StringProvenance("mlgate-data-sha256", dataSha));
        run.put("mlgate-config-sha256", new StringProvenance("mlgate-config-sha256", configSha));
        run.put("mlgate-seed", new LongProvenance("mlgate-seed", ts.seed()));
        Fitted fitted = fit(best, finalEncoder, raw, all, task, ts, classOf, classes == null ? 0 : classes.size(), run);
        progress.advance(1);
        progress.done();
        Model<?> model = fitted.model;
        List<String> featureNames = new ArrayList<>();
        model.getFeatureIDMap().forEach(info -> featureNames.add(info.getName()));
        featureNames.sort(null);
        ModelCard card = new ModelCard(config.model(), task, label, positive, classes, threshold, best.trainer, best.params, ts.seed(),
                ts.classWeights().yamlName(), finalEncoder, featureNames, n, dataSha, configSha,
                OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString(), mlgateVersion(), org.tribuo.Tribuo.VERSION);
        Scoring scoring = new Scoring(metric, task, classes, positive, isPositive, classOf, searchThreshold);
        Explained explained = importance(ts, best, model, bestSplitModel, finalEncoder, raw, all, validationSets[0], scoring);
        double seconds = (System.nanoTime() - started) / 1e9;
        TrainingReport report = new TrainingReport(metric.metricName(), metric.higherIsBetter(), validation, validationRows, positive,
                positiveNote, threshold, thresholdRule, results, bestIndex, seconds, explained.importance, explained.note);
        ModelArtifact artifact = new ModelArtifact(model, card, ModelArtifact.provenanceJson(model), report);
        return new TrainingOutcome(artifact, results, results.get(bestIndex), dataSha, configSha, n, seconds);
    }

    // ---------------------------------------------------------------- candidates

    /** One trainer with fully resolved params. */
    record Candidate(String trainer, Map<String, Object> params) {
    }

    static MetricCatalog metric(String name, Task task) {
        if (name == null) {
            return MetricCatalog.defaultFor(task);
        }
        return MetricCatalog.find(name).filter(m -> m.task() == task).orElseThrow(() -> new IllegalArgumentException(
                "train.search.metric '" + name + "' is not a " + task.yamlName() + " metric; use one of "
                        + String.join(", ", ValidationScore.names(task))));
    }

    /** Candidates x search grid (or a seeded random sample of it), params checked and defaults filled. */
    static List<Candidate> expand(Task task, TrainSpec ts, SearchSpec search) {
        List<CandidateSpec> specs = ts.candidatesOrSelf();
        Map<String, List<Object>> grid = search.params();
        Set<String> usable = new LinkedHashSet<>();
        for (CandidateSpec spec : specs) {
            String trainer = TrainerFactory.normalize(spec.trainer());
            TrainerFactory.resolve(task, trainer, spec.params());
            usable.addAll(TrainerFactory.defaults(trainer).keySet());
        }
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            if (!usable.contains(e.getKey())) {
                throw new IllegalArgumentException("train.search.params." + e.getKey() + " is not a parameter of any candidate trainer; valid params: "
                        + String.join(", ", usable));
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("train.search.params." + e.getKey() + " lists no values; give at least one");
            }
        }
        Random rng = new Random(ts.seed());
        List<Candidate> out = new ArrayList<>();
        Set<Candidate> seen = new java.util.HashSet<>();
        for (CandidateSpec spec : specs) {
            String trainer = TrainerFactory.normalize(spec.trainer());
            Set<String> own = TrainerFactory.defaults(trainer).keySet();
            List<String> keys = grid.keySet().stream().filter(own::contains).toList();
            List<Map<String, Object>> combos = new ArrayList<>();
            combos.add(new LinkedHashMap<>());
            for (String key : keys) {
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> c : combos) {
                    for (Object v : grid.get(key)) {
                        Map<String, Object> m = new LinkedHashMap<>(c);
                        m.put(key, v);
                        next.add(m);
                    }
                }
                combos = next;
            }
            if (search.method() == SearchMethod.RANDOM && combos.size() > search.trials()) {
                java.util.Collections.shuffle(combos, rng);
                combos = combos.subList(0, search.trials());
            }
            for (Map<String, Object> combo : combos) {
                Map<String, Object> params = new LinkedHashMap<>(spec.params());
                params.putAll(combo);
                Candidate c = new Candidate(trainer, TrainerFactory.resolve(task, trainer, params));
                if (seen.add(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static Double threshold(String text) {
        if (text == null || text.trim().equalsIgnoreCase("optimize")) {
            return null;
        }
        try {
            double t = Double.parseDouble(text.trim());
            if (t < 0 || t > 1) {
                throw new NumberFormatException();
            }
            return t;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("train.threshold is '" + text + "'; use a number between 0 and 1, or 'optimize'");
        }
    }

    private static FeatureEncoder encoderFor(Candidate c, FeatureEncoder base, RawTable raw, Map<String, FeatureEncoder> cache) {
        TrainerFactory.Encoding e = TrainerFactory.encoding(c.trainer);
        return switch (e) {
            case PLAIN -> base;
            case STANDARDIZED -> cache.computeIfAbsent("standardized", k -> base.standardized(raw));
            case BINNED -> {
                int bins = ((Number) c.params.get("bins")).intValue();
                yield cache.computeIfAbsent("binned-" + bins, k -> base.binned(raw, bins));
            }
        };
    }

    // ---------------------------------------------------------------- splits

    /** Seeded validation rows (sorted); stratified by class so a rare class is represented. */
    static int[] validationSplit(int n, double fraction, int[] classOf, int numClasses, Random rng) {
        List<Integer> val = new ArrayList<>();
        for (List<Integer> group : groups(n, classOf, numClasses)) {
            java.util.Collections.shuffle(group, rng);
            int take = (int) Math.round(group.size() * fraction);
            if (take == 0 && group.size() >= 2 && fraction > 0) {
                take = 1;
            }
            if (take >= group.size() && group.size() > 0) {
                take = group.size() - 1;
            }
            val.addAll(group.subList(0, take));
        }
        return val.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Seeded k folds (each sorted); rows of each class dealt round-robin after a shuffle. */
    static int[][] foldSets(int n, int folds, int[] classOf, int numClasses, Random rng) {
        List<List<Integer>> sets = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            sets.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Integer> group : groups(n, classOf, numClasses)) {
            java.util.Collections.shuffle(group, rng);
            for (int r : group) {
                sets.get(next).add(r);
                next = (next + 1) % folds;
            }
        }
        return sets.stream().map(s -> s.stream().mapToInt(Integer::intValue).sorted().toArray()).toArray(int[][]::new);
    }

    private static List<List<Integer>> groups(int n, int[] classOf, int numClasses) {
        List<List<Integer>> groups = new ArrayList<>();
        if (classOf == null) {
            List<Integer> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            groups.add(all);
            return groups;
        }
        for (int c = 0; c < numClasses; c++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            groups.get(classOf[i]).add(i);
        }
        return groups;
    }

    static int[] complement(int n, int[] sortedRows) {
        int[] out = new int[n - sortedRows.length];
        int j = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (j < sortedRows.length && sortedRows[j] == i) {
                j++;
            } else {
                out[k++] = i;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- training and scoring

    private record Fitted(Model<?> model, List<double[]> lossCurve) {
    }

    private static Fitted fit(Candidate c, FeatureEncoder enc, RawTable raw, int[] rows, Task task, TrainSpec ts, int[] classOf, int numClasses) {
        return fit(c, enc, raw, rows, task, ts, classOf, numClasses, Map.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Fitted fit(Candidate c, FeatureEncoder enc, RawTable raw, int[] rows, Task task, TrainSpec ts, int[] classOf, int numClasses,
                              Map<String, Provenance> run) {
        float[] weights = null;
        double totalWeight = rows.length;
        if (task == Task.CLASSIFICATION && ts.classWeights() == ClassWeights.BALANCED) {
            // sklearn's 'balanced': n / (k * count of the class), from the rows being trained on
            int[] counts = new int[numClasses];
            int present = 0;
            for (int r : rows) {
                if (counts[classOf[r]]++ == 0) {
                    present++;
                }
            }
            float[] w = new float[numClasses];
            for (int k = 0; k < numClasses; k++) {
                w[k] = counts[k] == 0 ? 0f : (float) ((double) rows.length / ((double) present * counts[k]));
            }
            weights = new float[rows.length];
            totalWeight = 0;
            for (int i = 0; i < rows.length; i++) {
                weights[i] = w[classOf[rows[i]]];
                totalWeight += weights[i];
            }
        }
        MutableDataset<?> ds = DatasetLoader.dataset(raw, enc, rows, weights, "mlgate " + raw.file().getFileName() + " (" + rows.length + " rows)");
        boolean sgd = TrainerFactory.encoding(c.trainer) == TrainerFactory.Encoding.STANDARDIZED;
        if (sgd) {
            int minibatch = ((Number) c.params.get("minibatch")).intValue();
            int batches = (rows.length + minibatch - 1) / minibatch;
            Trainer trainer = TrainerFactory.create(task, c.trainer, c.params, ts.seed(), ts.threads(), batches);
            try (SgdLossRecorder rec = new SgdLossRecorder(batches, totalWeight)) {
                Model<?> m = trainer.train(ds, run);
                return new Fitted(m, rec.points());
            }
        }
        Trainer trainer = TrainerFactory.create(task, c.trainer, c.params, ts.seed(), ts.threads());
        return new Fitted(trainer.train(ds, run), List.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Example<?>> examplesOf(RawTable raw, FeatureEncoder enc, int[] rows, Task task) {
        MutableDataset<?> ds = DatasetLoader.dataset(raw, enc, rows, null, "validation");
        List<Example<?>> out = new ArrayList<>(rows.length);
        for (Object e : ds) {
            out.add((Example<?>) e);
        }
        return out;
    }

    /** Scores on rows: positive probability (binary), class probabilities (multiclass) or values (regression). */
    private record Scored(double[] values, double[][] probs) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Scored score(Model<?> model, List<Example<?>> examples, Task task, List<String> classes, String positive, FeatureEncoder enc) {
        List<Prediction<?>> preds = (List) ((Model) model).predict((Iterable) examples);
        int n = preds.size();
        if (task == Task.REGRESSION) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = enc.decodeTarget(((Regressor) preds.get(i).getOutput()).getValues()[0]);
            }
            return new Scored(v, null);
        }
        if (classes.size() == 2) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                Label l = (Label) preds.get(i).getOutputScores().get(positive);
                v[i] = l == null ? 0.0 : l.getScore();
            }
            return new Scored(v, null);
        }
        double[][] probs = new double[n][classes.size()];
        for (int i = 0; i < n; i++) {
            Map<String, ?> scores = preds.get(i).getOutputScores();
            for (int c = 0; c < classes.size(); c++) {
                Label l = (Label) scores.get(classes.get(c));
                probs[i][c] = l == null ? 0.0 : l.getScore();
            }
        }
        return new Scored(null, probs);
    }

    private static double metricValue(MetricCatalog metric, Task task, int[] rows, double[] score, double[][] probs, boolean[] isPositive,
                                      int[] classOf, double[] targets, double threshold) {
        if (task == Task.REGRESSION) {
            double[] a = new double[rows.length];
            double[] p = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                a[i] = targets[rows[i]];
                p[i] = score[rows[i]];
            }
            return ValidationScore.regression(metric, a, p);
        }
        if (probs == null) {
            boolean[] pos = new boolean[rows.length];
            double[] s = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                pos[i] = isPositive[rows[i]];
                s[i] = score[rows[i]];
            }
            return ValidationScore.classification(metric, pos, s, threshold);
        }
        int[] actual = new int[rows.length];
        double[][] p = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            actual[i] = classOf[rows[i]];
            p[i] = probs[rows[i]];
        }
        return ValidationScore.multiclass(metric, actual, p);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<double[]> xgboostCurve(XGBoostModel<?> model, List<Example<?>> valExamples, int[] val, Candidate cand, MetricCatalog metric,
                                               Task task, List<String> classes, String positive, int[] classOf, boolean[] isPositive,
                                               RawTable raw, double threshold, FeatureEncoder enc) {
        int rounds = ((Number) cand.params.get("rounds")).intValue();
        if (task == Task.REGRESSION) {
            double[] actual = new double[val.length];
            for (int i = 0; i < val.length; i++) {
                actual[i] = raw.targets()[val[i]];
            }
            return XGBoostCurve.compute((XGBoostModel) model, (List) valExamples, rounds, out -> {
                double[] p = new double[out.length];
                for (int i = 0; i < out.length; i++) {
                    p[i] = enc.decodeTarget(out[i][0]);
                }
                return ValidationScore.regression(metric, actual, p);
            });
        }
        org.tribuo.ImmutableOutputInfo<Label> info = (org.tribuo.ImmutableOutputInfo<Label>) model.getOutputIDInfo();
        int[] idOf = new int[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            idOf[c] = info.getID(new Label(classes.get(c)));
        }
        if (classes.size() == 2) {
            int posId = info.getID(new Label(positive));
            boolean[] pos = new boolean[val.length];
            for (int i = 0; i < val.length; i++) {
                pos[i] = isPositive[val[i]];
            }
            return XGBoostCurve.compute((XGBoostModel) model, (List) valExamples, rounds, out -> {
                double[] s = new double[out.length];
                for (int i = 0; i < out.length; i++) {
                    s[i] = out[i][posId];
                }
                return ValidationScore.classification(metric, pos, s, threshold);
            });
        }
        int[] actual = new int[val.length];
        for (int i = 0; i < val.length; i++) {
            actual[i] = classOf[val[i]];
        }
        return XGBoostCurve.compute((XGBoostModel) model, (List) valExamples, rounds, out -> {
            double[][] p = new double[out.length][classes.size()];
            for (int i = 0; i < out.length; i++) {
                for (int c = 0; c < classes.size(); c++) {
                    p[i][c] = idOf[c] < 0 ? 0 : out[i][idOf[c]];
                }
            }
            return ValidationScore.multiclass(metric, actual, p);
        });
    }

    // ---------------------------------------------------------------- feature importance

    /** What the metric of a validation split needs besides the scores. */
    private record Scoring(MetricCatalog metric, Task task, List<String> classes, String positive, boolean[] isPositive,
                           int[] classOf, double threshold) {
    }

    /** An importance list and how it was measured (both null for {@code train.importance: none}). */
    private record Explained(List<FeatureImportance> importance, String note) {
    }

    /**
     * Feature importance of the winner by {@code train.importance}: gain and coefficients are read
     * from the final model; permutation shuffles columns of the first validation split and scores
     * the winner's model fitted without those rows, by the search metric.
     */
    private static Explained importance(TrainSpec ts, Candidate best, Model<?> finalModel, Model<?> splitModel, FeatureEncoder enc,
                                        RawTable raw, int[] allRows, int[] validationRows, Scoring scoring) {
        ImportanceMethod method = ts.importanceOrDefault();
        if (method == ImportanceMethod.NONE) {
            return new Explained(null, null);
        }
        boolean boosted = "xgboost".equals(best.trainer) || "random-forest".equals(best.trainer);
        boolean linear = "logistic".equals(best.trainer) || "linear".equals(best.trainer);
        String fallback = "";
        if ((method == ImportanceMethod.AUTO || method == ImportanceMethod.GAIN) && boosted && finalModel instanceof XGBoostModel<?> xgb) {
            return new Explained(FeatureImportances.gain(xgb, enc),
                    "gain: XGBoost total gain (loss reduction) of every split on the column, summed over all trees of the model");
        }
        if ((method == ImportanceMethod.AUTO || method == ImportanceMethod.COEFFICIENTS) && linear
                && finalModel instanceof AbstractLinearSGDModel<?> lm) {
            return new Explained(FeatureImportances.coefficients(lm, raw, enc, allRows),
                    "coefficients: |coefficient| x standard deviation of the input: the standard deviation over the training rows "
                            + "of the column's contribution to the linear predictor (a category's one-hot weights together)");
        }
        if (method == ImportanceMethod.GAIN || method == ImportanceMethod.COEFFICIENTS) {
            fallback = "train.importance " + method.yamlName() + " does not apply to " + best.trainer + " (gain: xgboost, random-forest; "
                    + "coefficients: logistic, linear); ";
        }
        if (splitModel == null) {
            return new Explained(null, fallback + "permutation importance needs the validation model, which was not kept");
        }
        int[] rows = validationRows;
        if (rows.length > FeatureImportances.PERMUTATION_MAX_ROWS) {
            int[] pick = FeatureImportances.shuffled(rows.length, new Random(ts.seed()));
            rows = new int[FeatureImportances.PERMUTATION_MAX_ROWS];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = validationRows[pick[i]];
            }
            Arrays.sort(rows);
        }
        int[] shown = rows;
        double baseline = scoreRows(splitModel, raw, enc, shown, scoring);
        if (Double.isNaN(baseline)) {
            return new Explained(null, fallback + "permutation importance: " + scoring.metric.metricName()
                    + " is undefined on the validation rows");
        }
        List<FeatureImportance> list = FeatureImportances.permutation(enc, shown.length, baseline, scoring.metric.higherIsBetter(), ts.seed(),
                (column, permutation) -> scoreRows(splitModel, raw.withColumnPermuted(column, shown, permutation), enc, shown, scoring));
        return new Explained(list, String.format(Locale.ROOT,
                "%spermutation: mean drop of validation %s (%.4f) over %d shuffles of each column on %d validation rows "
                        + "the model was not fitted on, seed %d", fallback, scoring.metric.metricName(), baseline,
                FeatureImportances.PERMUTATION_REPEATS, shown.length, ts.seed()));
    }

    /** The search metric of {@code model} on some rows of {@code raw}. */
    private static double scoreRows(Model<?> model, RawTable raw, FeatureEncoder enc, int[] rows, Scoring sc) {
        Scored s = score(model, examplesOf(raw, enc, rows, sc.task), sc.task, sc.classes, sc.positive, enc);
        int n = raw.rows();
        double[] values = s.values == null ? null : new double[n];
        double[][] probs = s.probs == null ? null : new double[n][];
        for (int i = 0; i < rows.length; i++) {
            if (values != null) {
                values[rows[i]] = s.values[i];
            }
            if (probs != null) {
                probs[rows[i]] = s.probs[i];
            }
        }
        return metricValue(sc.metric, sc.task, rows, values, probs, sc.isPositive, sc.classOf, raw.targets(), sc.threshold);
    }

    static String mlgateVersion() {
        String v = ModelTrainer.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
