package io.mlgate.server;

import io.mlgate.core.data.Drift;
import io.mlgate.core.data.FeatureProfile;
import io.mlgate.core.data.ReferenceProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Live feature drift of one model version: the bins of the last {@code window} rows it answered,
 * compared with the training bins stored with the model ({@code reference-profile.json}).
 *
 * <p>The predict path only maps each feature to its bin and updates a ring buffer of bin indices
 * and the per-bin counts (a short critical section); PSI and the Jensen-Shannon distance are
 * computed when metrics are scraped, and cached until new rows arrive. Empty cells are not
 * counted, as in offline validation. No value is published before {@code minRows} rows.
 */
public final class LiveDrift {
    private static final int MISSING = -1;
    private static final Set<String> BOOL_NAMES = Set.of("true", "false");

    private final String[] names;
    private final FeatureProfile[] profiles;
    private final List<Map<String, Integer>> categoryIndex;
    private final boolean[] bool;
    private final int window;
    private final int minRows;
    private final int[] ring;
    private final int[][] counts;
    private int position;
    private int filled;
    private long recorded;
    private volatile Snapshot cached;
    private long recordedAtSnapshot = -1;

    /** One feature's drift in the current window. */
    public record FeatureValue(double psi, double js) {
    }

    /**
     * Drift of the window at one moment.
     *
     * @param rows     rows in the window
     * @param ready    whether {@code rows >= minRows} (else {@code features} is empty)
     * @param features feature to its drift, in profile order; features without any value are left out
     */
    public record Snapshot(int rows, boolean ready, Map<String, FeatureValue> features) {
    }

    public LiveDrift(ReferenceProfile profile, int window, int minRows) {
        this.window = window;
        this.minRows = minRows;
        List<String> n = new ArrayList<>(profile.features().keySet());
        this.names = n.toArray(String[]::new);
        this.profiles = new FeatureProfile[names.length];
        this.categoryIndex = new ArrayList<>(java.util.Collections.nCopies(names.length, (Map<String, Integer>) null));
        this.bool = new boolean[names.length];
        this.counts = new int[names.length][];
        for (int f = 0; f < names.length; f++) {
            FeatureProfile p = profile.features().get(names[f]);
            profiles[f] = p;
            counts[f] = new int[p.binCount()];
            if (!p.isNumeric()) {
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < p.categories().size(); i++) {
                    index.put(p.categories().get(i), i);
                }
                categoryIndex.set(f, index);
                // bool columns are profiled as the categories "true"/"false"
                bool[f] = !p.categories().isEmpty() && BOOL_NAMES.containsAll(p.categories());
            }
        }
        this.ring = new int[window * Math.max(1, names.length)];
    }

    /** Features measured. */
    public List<String> features() {
        return List.of(names);
    }

    /** Adds one row (column name to cell text) to the window, evicting the oldest when full. */
    public void record(Map<String, String> row) {
        if (names.length == 0) {
            return;
        }
        int[] bins = new int[names.length];
        for (int f = 0; f < names.length; f++) {
            bins[f] = bin(f, row.get(names[f]));
        }
        synchronized (this) {
            int base = position * names.length;
            if (filled == window) {
                for (int f = 0; f < names.length; f++) {
                    int old = ring[base + f];
                    if (old != MISSING) {
                        counts[f][old]--;
                    }
                }
            } else {
                filled++;
            }
            for (int f = 0; f < names.length; f++) {
                ring[base + f] = bins[f];
                if (bins[f] != MISSING) {
                    counts[f][bins[f]]++;
                }
            }
            position = position + 1 == window ? 0 : position + 1;
            recorded++;
        }
    }

    /** Rows in the window now. */
    public synchronized int rows() {
        return filled;
    }

    /** PSI and JS distance per feature over the window; empty until {@code minRows} rows. */
    public Snapshot snapshot() {
        int rows;
        long at;
        int[][] copy;
        synchronized (this) {
            Snapshot last = cached;
            if (last != null && recordedAtSnapshot == recorded) {
                return last;
            }
            rows = filled;
            at = recorded;
            if (rows < minRows) {
                return new Snapshot(rows, false, Map.of());
            }
            copy = new int[counts.length][];
            for (int f = 0; f < counts.length; f++) {
                copy[f] = counts[f].clone();
            }
        }
        Map<String, FeatureValue> values = new LinkedHashMap<>();
        for (int f = 0; f < names.length; f++) {
            long total = 0;
            long[] c = new long[copy[f].length];
            for (int b = 0; b < c.length; b++) {
                c[b] = copy[f][b];
                total += c[b];
            }
            if (total == 0) {
                continue;
            }
            double[] actual = Drift.shares(c);
            double[] expected = profiles[f].shares();
            values.put(names[f], new FeatureValue(Drift.psi(expected, actual), Drift.jsDistance(expected, actual)));
        }
        Snapshot snapshot = new Snapshot(rows, true, Collections.unmodifiableMap(values));
        synchronized (this) {
            cached = snapshot;
            recordedAtSnapshot = at;
        }
        return snapshot;
    }

    private int bin(int f, String cell) {
        if (cell == null || cell.isBlank()) {
            return MISSING;
        }
        FeatureProfile p = profiles[f];
        if (p.isNumeric()) {
            double v = number(cell);
            return Double.isNaN(v) ? MISSING : p.numericBin(v);
        }
        String value = cell;
        if (bool[f]) {
            value = boolName(cell);
            if (value == null) {
                return MISSING;
            }
        }
        Integer i = categoryIndex.get(f).get(value);
        return i == null ? p.categories().size() : i;
    }

    private static double number(String cell) {
        try {
            double v = Double.parseDouble(cell.strip());
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The canonical name of a boolean cell, as the reference profile spells it; null when not a boolean. */
    private static String boolName(String cell) {
        return switch (cell.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> "true";
            case "false", "no", "0" -> "false";
            default -> null;
        };
    }
}
