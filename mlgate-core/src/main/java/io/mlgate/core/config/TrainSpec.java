package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to train.
 *
 * @param trainer            classification: logistic, cart, random-forest, xgboost;
 *                           regression: linear, cart, xgboost (default xgboost)
 * @param params             hyper-parameters of the trainer (see README for each trainer)
 * @param seed               seed for every random choice (default 42)
 * @param classWeights       none (default) or balanced
 * @param threshold          decision threshold for the positive class: a number, or
 *                           {@code optimize} to pick the F1-best one on the validation split
 *                           (default 0.5)
 * @param threads            training threads (default 2)
 * @param features           columns to train on (default: every feature column of the contract)
 * @param exclude            columns never to train on
 * @param candidates         several trainer/params candidates; the best on the validation
 *                           split by {@code search.metric} wins
 * @param search             hyper-parameter search over listed values
 * @param importance         how feature importance is measured ({@code auto} when absent; kept
 *                           null then, so configurations written before it have the same digest)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TrainSpec(
        String trainer,
        Map<String, Object> params,
        Long seed,
        ClassWeights classWeights,
        String threshold,
        Integer threads,
        List<String> features,
        List<String> exclude,
        List<CandidateSpec> candidates,
        SearchSpec search,
        ImportanceMethod importance) {

    public TrainSpec {
        trainer = trainer == null ? "xgboost" : trainer;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        seed = seed == null ? 42L : seed;
        classWeights = classWeights == null ? ClassWeights.NONE : classWeights;
        threshold = threshold == null ? "0.5" : threshold;
        threads = threads == null ? 2 : threads;
        features = features == null ? List.of() : List.copyOf(features);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** The spec without {@code importance} (auto), as before that field existed. */
    public TrainSpec(String trainer, Map<String, Object> params, Long seed, ClassWeights classWeights, String threshold,
                     Integer threads, List<String> features, List<String> exclude, List<CandidateSpec> candidates, SearchSpec search) {
        this(trainer, params, seed, classWeights, threshold, threads, features, exclude, candidates, search, null);
    }

    public static TrainSpec defaults() {
        return new TrainSpec(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The importance method, {@code auto} when not configured. */
    public ImportanceMethod importanceOrDefault() {
        return importance == null ? ImportanceMethod.AUTO : importance;
    }

    /** The candidates to train: the listed ones, or the single trainer/params of this spec. */
    public List<CandidateSpec> candidatesOrSelf() {
        return candidates.isEmpty() ? List.of(new CandidateSpec(trainer, params)) : candidates;
    }
}
