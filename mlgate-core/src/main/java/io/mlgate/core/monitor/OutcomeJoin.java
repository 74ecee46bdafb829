package io.mlgate.core.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Labelled outcomes joined to logged predictions by request id (see {@link LoggedPrediction#ids()}).
 *
 * @param rows                 each logged row that has an outcome, in log order (a row logged
 *                             twice, e.g. after a retry with the same request id, counts once: the last)
 * @param unmatchedOutcomes    outcomes whose id is in no logged row (not sampled, rotated away, or a typo)
 * @param unlabelledPredictions logged rows without an outcome (yet)
 */
public record OutcomeJoin(List<Labelled> rows, int unmatchedOutcomes, int unlabelledPredictions) {

    /** A logged row and what really happened. */
    public record Labelled(LoggedPrediction prediction, String actual) {
    }

    public OutcomeJoin {
        rows = List.copyOf(rows);
    }

    /** Joins {@code outcomes} (id to actual) to the {@code logged} rows. */
    public static OutcomeJoin of(List<LoggedPrediction> logged, Map<String, String> outcomes) {
        Map<String, Integer> lastIndex = new HashMap<>();
        for (int i = 0; i < logged.size(); i++) {
            lastIndex.put(logged.get(i).requestId() + "#" + logged.get(i).row(), i);
        }
        List<Labelled> rows = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int unlabelled = 0;
        for (int i = 0; i < logged.size(); i++) {
            LoggedPrediction p = logged.get(i);
            if (lastIndex.get(p.requestId() + "#" + p.row()) != i) {
                continue;
            }
            String actual = null;
            for (String id : p.ids()) {
                if (outcomes.containsKey(id)) {
                    actual = outcomes.get(id);
                    used.add(id);
                    break;
                }
            }
            if (actual == null) {
                unlabelled++;
            } else {
                rows.add(new Labelled(p, actual));
            }
        }
        int unmatched = 0;
        for (String id : outcomes.keySet()) {
            if (!used.contains(id)) {
                unmatched++;
            }
        }
        return new OutcomeJoin(rows, unmatched, unlabelled);
    }
}
