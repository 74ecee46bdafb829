package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/** One trainer with its hyper-parameters. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CandidateSpec(String trainer, Map<String, Object> params) {
    public CandidateSpec {
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
