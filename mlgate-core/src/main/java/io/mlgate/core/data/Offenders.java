package io.mlgate.core.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the few offending cells a report shows: the first ones, or the worst ones by a score
 * (for range: how far out). Creates an {@link Offender} only when one is kept.
 */
final class Offenders {
    private final int limit;
    private final List<Offender> kept = new ArrayList<>();
    private final List<Double> scores = new ArrayList<>();

    Offenders(int limit) {
        this.limit = limit;
    }

    /** Keeps the cell when fewer than the limit were kept before. */
    void first(CsvRow row, String column, String value) {
        if (kept.size() < limit) {
            kept.add(new Offender(row.row(), row.line(), column, value));
        }
    }

    /** Keeps the cell when it is among the highest scores so far (earlier rows win ties). */
    void worst(double score, CsvRow row, String column, String value) {
        if (kept.size() < limit) {
            insert(score, new Offender(row.row(), row.line(), column, value));
        } else if (score > scores.get(scores.size() - 1)) {
            kept.remove(kept.size() - 1);
            scores.remove(scores.size() - 1);
            insert(score, new Offender(row.row(), row.line(), column, value));
        }
    }

    private void insert(double score, Offender offender) {
        int at = 0;
        while (at < scores.size() && scores.get(at) >= score) {
            at++;
        }
        scores.add(at, score);
        kept.add(at, offender);
    }

    List<Offender> list() {
        return List.copyOf(kept);
    }

    Offender firstKept() {
        return kept.isEmpty() ? null : kept.get(0);
    }
}
