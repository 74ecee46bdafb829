package io.mlgate.core.train;

import io.mlgate.core.config.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;
import org.tribuo.regression.sgd.objectives.SquaredLoss;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Maps a trainer name and its yaml params to a Tribuo trainer. Every parameter is set
 * explicitly (Tribuo's own XGBoost defaults are L1 alpha=1 and 4 threads, which we never want).
 *
 * <p>Trainers and params (defaults in brackets):
 * <ul>
 *   <li>{@code xgboost} (classification, regression) – gradient boosted trees, tree method
 *       {@code hist}: rounds [100], depth [6], eta [0.3], min_child_weight [1], subsample [1.0],
 *       colsample [1.0] (per tree), lambda [1.0] (L2), alpha [0.0] (L1), gamma [0.0]. A two-class
 *       label trains {@code binary:logistic} ({@link BinaryXGBoostClassificationTrainer}), more
 *       classes {@code multi:softprob}.</li>
 *   <li>{@code random-forest} (classification, regression) – XGBoost in random-forest mode (one
 *       round of {@code num_parallel_tree} trees, eta 1, hist): trees [100], depth [8],
 *       fraction_features [0.5] (per split), subsample [0.632], min_child_weight [1]. Chosen over
 *       Tribuo's RandomForestTrainer, whose CART trees cost minutes per tree on 100k+ rows.</li>
 *   <li>{@code logistic} (classification) – logistic regression by SGD with AdaGrad on
 *       standardised numeric columns: epochs [10], learning_rate [0.5], minibatch [1], l2 [0]
 *       (l2 &gt; 0 switches to AdaGrad-RDA).</li>
 *   <li>{@code linear} (regression) – least squares by SGD with AdaGrad on standardised columns
 *       and a standardised target: epochs [10], learning_rate [0.1], minibatch [1], l2 [0].</li>
 *   <li>{@code cart} (classification, regression) – one CART tree (Gini / MSE) on numeric columns
 *       binned to at most {@code bins} training quantiles: depth [6], min_child_weight [5],
 *       fraction_features [1.0], bins [128].</li>
 * </ul>
 * Threads come from {@code train.threads}, the seed from {@code train.seed}.
 */
public final class TrainerFactory {

    private static final Map<String, Map<String, Object>> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("xgboost", ordered("rounds", 100, "depth", 6, "eta", 0.3, "min_child_weight", 1.0, "subsample", 1.0,
                "colsample", 1.0, "lambda", 1.0, "alpha", 0.0, "gamma", 0.0));
        DEFAULTS.put("random-forest", ordered("trees", 100, "depth", 8, "fraction_features", 0.5, "subsample", 0.632,
                "min_child_weight", 1.0));
        DEFAULTS.put("logistic", ordered("epochs", 10, "learning_rate", 0.5, "minibatch", 1, "l2", 0.0));
        DEFAULTS.put("linear", ordered("epochs", 10, "learning_rate", 0.1, "minibatch", 1, "l2", 0.0));
        DEFAULTS.put("cart", ordered("depth", 6, "min_child_weight", 5.0, "fraction_features", 1.0, "bins", 128));
    }

    private static final List<String> INT_PARAMS = List.of("rounds", "depth", "trees", "epochs", "minibatch", "bins");

    private TrainerFactory() {
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The trainer names of a task. */
    public static List<String> trainerNames(Task task) {
        return task == Task.CLASSIFICATION ? List.of("logistic", "cart", "random-forest", "xgboost")
                : List.of("linear", "cart", "random-forest", "xgboost");
    }

    /** The params of a trainer with their defaults. */
    public static Map<String, Object> defaults(String trainer) {
        Map<String, Object> d = DEFAULTS.get(trainer);
        if (d == null) {
            throw new IllegalArgumentException("train.trainer '" + trainer + "' is unknown; valid trainers: " + DEFAULTS.keySet());
        }
        return d;
    }

    /**
     * Checks a trainer and its params and fills in the defaults.
     *
     * @throws IllegalArgumentException naming {@code train.trainer} or {@code train.params.<name>}
     */
    public static Map<String, Object> resolve(Task task, String trainer, Map<String, Object> params) {
        String name = trainer == null ? "xgboost" : trainer.trim().toLowerCase(Locale.ROOT);
        if (!trainerNames(task).contains(name)) {
            throw new IllegalArgumentException("train.trainer '" + trainer + "' is unknown for " + task.yamlName()
                    + "; valid trainers: " + String.join(", ", trainerNames(task)));
        }
        Map<String, Object> defaults = DEFAULTS.get(name);
        Map<String, Object> resolved = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            String key = e.getKey();
            if (!defaults.containsKey(key)) {
                throw new IllegalArgumentException("train.params." + key + " is not a parameter of trainer '" + name
                        + "'; valid params: " + String.join(", ", defaults.keySet()));
            }
            resolved.put(key, number(key, e.getValue()));
        }
        check(resolved);
        return resolved;
    }

    private static Object number(String key, Object value) {
        double d;
        if (value instanceof Number num) {
            d = num.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("train.params." + key + " is '" + s + "'; a number is expected");
            }
        } else {
            throw new IllegalArgumentException("train.params." + key + " is " + value + "; a number is expected");
        }
        if (INT_PARAMS.contains(key)) {
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException("train.params." + key + " is " + value + "; a whole number is expected");
            }
            return (int) d;
        }
        return d;
    }

    private static void check(Map<String, Object> p) {
        for (Map.Entry<String, Object> e : p.entrySet()) {
            double v = ((Number) e.getValue()).doubleValue();
            String key = e.getKey();
            boolean ok = switch (key) {
                case "rounds", "depth", "trees", "epochs", "minibatch" -> v >= 1;
                case "bins" -> v >= 2;
                case "eta", "learning_rate" -> v > 0;
                case "subsample", "colsample", "fraction_features" -> v > 0 && v <= 1;
                default -> v >= 0;
            };
            if (!ok || Double.isNaN(v)) {
                String range = switch (key) {
                    case "rounds", "depth", "trees", "epochs", "minibatch" -> "at least 1";
                    case "bins" -> "at least 2";
                    case "eta", "learning_rate" -> "greater than 0";
                    case "subsample", "colsample", "fraction_features" -> "in (0, 1]";
                    default -> "0 or more";
                };
                throw new IllegalArgumentException("train.params." + key + " is " + e.getValue() + "; it must be " + range);
            }
        }
    }

    /** Builds the trainer (params are resolved first). */
    public static Trainer<?> create(Task task, String trainer, Map<String, Object> params, long seed, int threads) {
        return create(task, trainer, params, seed, threads, -1);
    }

    /**
     * Builds the trainer.
     *
     * @param loggingInterval SGD trainers log their average loss every this many minibatches
     *                        (-1: never); used to record per-epoch loss curves
     */
    static Trainer<?> create(Task task, String trainer, Map<String, Object> params, long seed, int threads, int loggingInterval) {
        Map<String, Object> p = resolve(task, trainer, params);
        String name = trainer.trim().toLowerCase(Locale.ROOT);
        boolean cls = task == Task.CLASSIFICATION;
        switch (name) {
            case "xgboost": {
                int rounds = i(p, "rounds");
                if (cls) {
                    // binary:logistic for two classes (Tribuo's own trainer always runs multi:softprob)
                    return new BinaryXGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.HIST, rounds,
                            d(p, "eta"), d(p, "gamma"), i(p, "depth"), d(p, "min_child_weight"), d(p, "subsample"), d(p, "colsample"),
                            d(p, "lambda"), d(p, "alpha"), threads, XGBoostTrainer.LoggingVerbosity.SILENT, seed);
                }
                return new XGBoostRegressionTrainer(XGBoostTrainer.BoosterType.GBTREE, XGBoostTrainer.TreeMethod.HIST,
                        XGBoostRegressionTrainer.RegressionType.LINEAR, rounds,
                        d(p, "eta"), d(p, "gamma"), i(p, "depth"), d(p, "min_child_weight"), d(p, "subsample"), d(p, "colsample"),
                        d(p, "lambda"), d(p, "alpha"), threads, XGBoostTrainer.LoggingVerbosity.SILENT, seed);
            }
            case "random-forest": {
                // XGBoost's documented random-forest mode: one boosting round of many parallel trees,
                // row and per-split column sampling, no shrinkage. Tribuo's override map must hold
                // every parameter, the objective included.
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("objective", cls ? "multi:softprob" : "reg:squarederror");
                x.put("booster", "gbtree");
                x.put("tree_method", "hist");
                x.put("num_parallel_tree", i(p, "trees"));
                x.put("eta", 1.0);
                x.put("max_depth", i(p, "depth"));
                x.put("subsample", d(p, "subsample"));
                x.put("colsample_bynode", d(p, "fraction_features"));
                x.put("min_child_weight", d(p, "min_child_weight"));
                x.put("lambda", 0.0);
                x.put("alpha", 0.0);
                x.put("gamma", 0.0);
                x.put("nthread", threads);
                x.put("seed", seed);
                x.put("verbosity", 0);
                return cls ? new XGBoostClassificationTrainer(1, x)
                        : new XGBoostRegressionTrainer(XGBoostRegressionTrainer.RegressionType.LINEAR, 1, x);
            }
            case "logistic":
            case "linear": {
                double l2 = d(p, "l2");
                StochasticGradientOptimiser opt = l2 > 0
                        ? new AdaGradRDA(d(p, "learning_rate"), 0.1, 0.0, l2, 1)
                        : new AdaGrad(d(p, "learning_rate"), 0.1);
                if (cls) {
                    return new LinearSGDTrainer(new LogMulticlass(), opt, i(p, "epochs"), loggingInterval, i(p, "minibatch"), seed);
                }
                return new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(), opt, i(p, "epochs"), loggingInterval,
                        i(p, "minibatch"), seed);
            }
            case "cart": {
                float mcw = (float) d(p, "min_child_weight");
                float ff = (float) d(p, "fraction_features");
                if (cls) {
                    return new CARTClassificationTrainer(i(p, "depth"), mcw, 0.0f, ff, false, new GiniIndex(), seed);
                }
                return new CARTRegressionTrainer(i(p, "depth"), mcw, 0.0f, ff, false, new MeanSquaredError(), seed);
            }
            default:
                throw new IllegalStateException("unhandled trainer " + name);
        }
    }

    /** How a trainer wants its features encoded. */
    enum Encoding { PLAIN, STANDARDIZED, BINNED }

    static Encoding encoding(String trainer) {
        return switch (trainer.trim().toLowerCase(Locale.ROOT)) {
            case "logistic", "linear" -> Encoding.STANDARDIZED;
            case "cart" -> Encoding.BINNED;
            default -> Encoding.PLAIN;
        };
    }

    static String normalize(String trainer) {
        return trainer == null ? "xgboost" : trainer.trim().toLowerCase(Locale.ROOT);
    }

    private static int i(Map<String, Object> p, String key) {
        return ((Number) p.get(key)).intValue();
    }

    private static double d(Map<String, Object> p, String key) {
        return ((Number) p.get(key)).doubleValue();
    }

    /** The {@code Label} / {@code Regressor} witness of a task. */
    static Class<?> outputClass(Task task) {
        return task == Task.CLASSIFICATION ? Label.class : Regressor.class;
    }
}
