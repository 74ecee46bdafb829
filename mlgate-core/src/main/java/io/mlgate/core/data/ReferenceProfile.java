package io.mlgate.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlgate.core.config.ColumnRole;
import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ColumnType;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.ContractSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The reference distribution of every drift-checked feature: numeric features binned at the
 * reference quantiles ({@code drift.bins}, default deciles), category and bool features per
 * category. Stored with a model so the server can compute live drift on the same bins.
 *
 * <p>Bounded memory: quantiles come from a reservoir sample of at most {@value #MAX_SAMPLE}
 * values per numeric column (fewer when there are many columns, at most
 * {@value #MAX_SAMPLE_TOTAL} values in all) drawn with a fixed seed, so the same file always
 * gives the same bins. Shares are exact counts: from the sample itself when it holds every value,
 * else from a second pass over the file. Category counting keeps at most
 * {@value #MAX_CATEGORIES} categories; rarer ones are counted in the "(other)" bucket.
 *
 * @param version  format version of this JSON, {@value #FORMAT_VERSION}
 * @param source   file name of the reference data
 * @param rows     data rows in the reference
 * @param bins     requested number of quantile bins
 * @param features feature name to its profile, in contract order
 */
public record ReferenceProfile(int version, String source, long rows, int bins, Map<String, FeatureProfile> features) {
    public static final int FORMAT_VERSION = 1;
    static final int MAX_SAMPLE = 100_000;
    static final int MAX_SAMPLE_TOTAL = 10_000_000;
    static final int MAX_CATEGORIES = 1_000;
    private static final int MAX_COUNTED_CATEGORIES = 10_000;
    private static final long SEED = 20240601L;

    public ReferenceProfile {
        features = features == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /** The JSON form (snake_case), for storing with a model. */
    public String toJson() {
        try {
            return ConfigLoader.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the reference profile as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads the JSON written by {@link #toJson()}; a corrupt profile is a {@link DataException}. */
    public static ReferenceProfile fromJson(String json) {
        try {
            ReferenceProfile profile = ConfigLoader.jsonMapper().readValue(json, ReferenceProfile.class);
            if (profile.version() > FORMAT_VERSION) {
                throw new DataException("reference profile has format version " + profile.version()
                        + " but this mlgate reads up to " + FORMAT_VERSION + "; upgrade mlgate");
            }
            return profile;
        } catch (JsonProcessingException e) {
            String why = e.getCause() instanceof IllegalArgumentException bad && bad.getMessage() != null
                    ? bad.getMessage() : e.getOriginalMessage();
            throw new DataException("reference profile JSON is not valid: " + why
                    + "; recompute it from the reference data", e);
        }
    }

    /**
     * Profiles the drift-checked features of a reference CSV: contract columns with role feature
     * (not the label) of type int, float (numeric), category or bool (category). String columns
     * and columns absent from the file are skipped.
     */
    public static ReferenceProfile compute(Path reference, ContractSpec contract, String label) {
        int bins = Math.max(1, contract.drift().bins());
        List<String> numericNames = new ArrayList<>();
        List<String> categoryNames = new ArrayList<>();
        List<String> order = new ArrayList<>();
        try (CsvSource csv = CsvSource.open(reference)) {
            List<Integer> numericIdx = new ArrayList<>();
            List<Integer> categoryIdx = new ArrayList<>();
            List<Boolean> categoryIsBool = new ArrayList<>();
            for (Map.Entry<String, ColumnSpec> e : contract.columns().entrySet()) {
                String name = e.getKey();
                ColumnSpec spec = e.getValue();
                int idx = csv.columnIndex(name);
                if (!isDriftFeature(name, spec, label) || idx < 0) {
                    continue;
                }
                if (spec.type().isNumeric()) {
                    numericNames.add(name);
                    numericIdx.add(idx);
                    order.add(name);
                } else if (spec.type() == ColumnType.CATEGORY || spec.type() == ColumnType.BOOL) {
                    categoryNames.add(name);
                    categoryIdx.add(idx);
                    categoryIsBool.add(spec.type() == ColumnType.BOOL);
                    order.add(name);
                }
            }
            int capacity = numericNames.isEmpty() ? 0
                    : Math.max(1_000, Math.min(MAX_SAMPLE, MAX_SAMPLE_TOTAL / numericNames.size()));
            Reservoir[] reservoirs = new Reservoir[numericNames.size()];
            for (int i = 0; i < reservoirs.length; i++) {
                reservoirs[i] = new Reservoir(capacity, new SplittableRandom(SEED + i));
            }
            CategoryCounter[] counters = new CategoryCounter[categoryNames.size()];
            for (int i = 0; i < counters.length; i++) {
                counters[i] = new CategoryCounter(categoryIsBool.get(i));
            }
            int[] nIdx = numericIdx.stream().mapToInt(Integer::intValue).toArray();
            int[] cIdx = categoryIdx.stream().mapToInt(Integer::intValue).toArray();
            long rows = 0;
            while (csv.hasNext()) {
                String[] fields = csv.next().fields();
                rows++;
                for (int i = 0; i < nIdx.length; i++) {
                    double v = Cells.parse(fields[nIdx[i]]);
                    if (!Double.isNaN(v)) {
                        reservoirs[i].add(v);
                    }
                }
                for (int i = 0; i < cIdx.length; i++) {
                    counters[i].add(fields[cIdx[i]]);
                }
            }
            Map<String, FeatureProfile> byName = new HashMap<>();
            boolean secondPass = false;
            double[][] edges = new double[reservoirs.length][];
            for (int i = 0; i < reservoirs.length; i++) {
                double[] sample = reservoirs[i].sorted();
                edges[i] = quantileEdges(sample, bins);
                if (reservoirs[i].complete()) {
                    byName.put(numericNames.get(i), numericProfile(edges[i], sample, reservoirs[i].seen));
                } else {
                    secondPass = true;
                }
            }
            if (secondPass) {
                exactNumericCounts(reference, numericNames, edges, reservoirs, byName);
            }
            for (int i = 0; i < counters.length; i++) {
                byName.put(categoryNames.get(i), counters[i].profile());
            }
            Map<String, FeatureProfile> features = new LinkedHashMap<>();
            for (String name : order) {
                features.put(name, byName.get(name));
            }
            return new ReferenceProfile(FORMAT_VERSION, reference.getFileName().toString(), rows, bins, features);
        }
    }

    /** Whether a contract column is drift-checked: a feature, not the label, numeric or categorical. */
    static boolean isDriftFeature(String name, ColumnSpec spec, String label) {
        return spec.roleOrDefault() == ColumnRole.FEATURE && !name.equals(label) && spec.type() != null
                && spec.type() != ColumnType.STRING;
    }

    /** Distinct cut points at the i/bins quantiles (lower empirical quantile) of a sorted sample. */
    static double[] quantileEdges(double[] sorted, int bins) {
        int n = sorted.length;
        if (n == 0) {
            return new double[0];
        }
        double[] edges = new double[Math.max(0, bins - 1)];
        int k = 0;
        for (int i = 1; i < bins; i++) {
            int at = (int) Math.ceil((double) i * n / bins) - 1;
            double edge = sorted[Math.min(n - 1, Math.max(0, at))];
            if (k == 0 || edge > edges[k - 1]) {
                edges[k++] = edge;
            }
        }
        return Arrays.copyOf(edges, k);
    }

    private static FeatureProfile numericProfile(double[] edges, double[] sortedValues, long count) {
        FeatureProfile shape = new FeatureProfile(FeatureProfile.NUMERIC, 0, edges, null, new double[edges.length + 1]);
        long[] counts = new long[edges.length + 1];
        for (double v : sortedValues) {
            counts[shape.numericBin(v)]++;
        }
        return new FeatureProfile(FeatureProfile.NUMERIC, count, edges, null, Drift.shares(counts));
    }

    private static void exactNumericCounts(Path reference, List<String> names, double[][] edges, Reservoir[] reservoirs,
            Map<String, FeatureProfile> byName) {
        try (CsvSource csv = CsvSource.open(reference)) {
            int m = names.size();
            int[] idx = new int[m];
            FeatureProfile[] shapes = new FeatureProfile[m];
            long[][] counts = new long[m][];
            for (int i = 0; i < m; i++) {
                idx[i] = csv.columnIndex(names.get(i));
                shapes[i] = new FeatureProfile(FeatureProfile.NUMERIC, 0, edges[i], null, new double[edges[i].length + 1]);
                counts[i] = new long[edges[i].length + 1];
            }
            while (csv.hasNext()) {
                String[] fields = csv.next().fields();
                for (int i = 0; i < m; i++) {
                    if (reservoirs[i].complete()) {
                        continue;
                    }
                    double v = Cells.parse(fields[idx[i]]);
                    if (!Double.isNaN(v)) {
                        counts[i][shapes[i].numericBin(v)]++;
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                if (!reservoirs[i].complete()) {
                    byName.put(names.get(i), new FeatureProfile(FeatureProfile.NUMERIC, reservoirs[i].seen, edges[i], null,
                            Drift.shares(counts[i])));
                }
            }
        }
    }

    /** Algorithm R reservoir of doubles. */
    private static final class Reservoir {
        private final double[] sample;
        private final SplittableRandom random;
        private long seen;

        Reservoir(int capacity, SplittableRandom random) {
            this.sample = new double[capacity];
            this.random = random;
        }

        void add(double v) {
            if (seen < sample.length) {
                sample[(int) seen] = v;
            } else {
                long j = random.nextLong(seen + 1);
                if (j < sample.length) {
                    sample[(int) j] = v;
                }
            }
            seen++;
        }

        boolean complete() {
            return seen <= sample.length;
        }

        double[] sorted() {
            double[] values = Arrays.copyOf(sample, (int) Math.min(seen, sample.length));
            Arrays.sort(values);
            return values;
        }
    }

    /** Exact category counts, bounded in the number of distinct values kept. */
    private static final class CategoryCounter {
        private final boolean bool;
        private final HashMap<String, long[]> counts = new HashMap<>();
        private long overflow;
        private long total;

        CategoryCounter(boolean bool) {
            this.bool = bool;
        }

        void add(String cell) {
            if (Cells.isNull(cell)) {
                return;
            }
            String value = cell;
            if (bool) {
                int b = Cells.bool(cell, true);
                if (b < 0) {
                    return;
                }
                value = Cells.boolName(b);
            }
            total++;
            long[] count = counts.get(value);
            if (count != null) {
                count[0]++;
            } else if (counts.size() < MAX_COUNTED_CATEGORIES) {
                counts.put(value, new long[] {1});
            } else {
                overflow++;
            }
        }

        FeatureProfile profile() {
            List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
            long other = overflow;
            if (entries.size() > MAX_CATEGORIES) {
                entries.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
                for (Map.Entry<String, long[]> rare : entries.subList(MAX_CATEGORIES, entries.size())) {
                    other += rare.getValue()[0];
                }
                entries = new ArrayList<>(entries.subList(0, MAX_CATEGORIES));
            }
            entries.sort(Map.Entry.comparingByKey());
            List<String> names = new ArrayList<>(entries.size());
            long[] c = new long[entries.size() + 1];
            for (int i = 0; i < entries.size(); i++) {
                names.add(entries.get(i).getKey());
                c[i] = entries.get(i).getValue()[0];
            }
            c[entries.size()] = other;
            return new FeatureProfile(FeatureProfile.CATEGORY, total, null, names, Drift.shares(c));
        }
    }
}
