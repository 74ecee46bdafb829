package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameter search over listed values, applied to every candidate.
 *
 * @param method             grid (default) or random
 * @param trials             random search: how many combinations (default 10)
 * @param metric             the metric that picks the best (default auc / rmse)
 * @param params             parameter name to the values to try
 * @param validationFraction share of the training rows held out for picking (default 0.2)
 * @param folds              k-fold cross-validation when 2 or more (default 0: one split)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SearchSpec(
        SearchMethod method,
        Integer trials,
        String metric,
        Map<String, List<Object>> params,
        Double validationFraction,
        Integer folds) {

    public SearchSpec {
        method = method == null ? SearchMethod.GRID : method;
        trials = trials == null ? 10 : trials;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        validationFraction = validationFraction == null ? 0.2 : validationFraction;
        folds = folds == null ? 0 : folds;
    }
}
