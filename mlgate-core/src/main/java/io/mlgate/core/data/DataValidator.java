package io.mlgate.core.data;

import io.mlgate.core.config.ColumnRole;
import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ColumnType;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.DriftSpec;
import io.mlgate.core.config.DriftThresholds;
import io.mlgate.core.config.Severity;
import io.mlgate.core.gate.GateStatus;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Validates a CSV against a data contract and, optionally, measures drift against a reference
 * profile, in one streaming pass.
 *
 * <p>Verdicts. A broken schema fails: a missing column, an unexpected column (per
 * {@code unexpected_columns}), a value of the wrong type, an empty cell in a non-nullable column,
 * a null rate above {@code max_null_rate}, a repeated key, fewer rows than {@code min_rows}.
 * Changed values are graded by how many there are: values outside [min, max] and unknown
 * categories warn when they are at most 1% of the column's non-empty values (a few outliers, a
 * rare new category) and fail above that (a shifted unit, a renamed or remapped category). A
 * count column's tail routinely exceeds a range inferred from a sample; a systematic change
 * does not hide in 1% of the rows. Drift warns or fails by each feature's PSI (and JS, when set) thresholds and
 * gives no verdict (INACTIVE) below {@code drift.min_rows} rows or for an ignored feature.
 *
 * <p>Memory is constant in the number of rows except for the duplicate-key check, which keeps a
 * 64-bit digest and a row number per distinct key (see {@link KeyDigests}). Empty (blank) cells
 * are nulls; they are not part of the drift distributions (the nulls check covers them).
 */
public final class DataValidator {
    static final int MAX_OFFENDERS = 5;
    /** Values outside the contract up to this share of a column's non-empty values only warn. */
    static final double OUTLIER_WARN_SHARE = 0.01;

    private DataValidator() {
    }

    /**
     * Validates one CSV.
     *
     * @param data         the CSV to check
     * @param contract     the contract (columns, key, unexpected_columns, min_rows, drift)
     * @param reference    the reference profile for drift, or null to skip drift
     * @param label        the label column (not drift-checked), may be null
     * @param requireLabel whether the label column must be present (false for unlabelled data)
     * @throws DataException for a structurally broken CSV (missing file, wrong field count, bad quote)
     */
    public static ValidationReport validate(Path data, ContractSpec contract, ReferenceProfile reference, String label,
            boolean requireLabel) {
        String fileName = data.getFileName().toString();
        try (CsvSource csv = CsvSource.open(data)) {
            List<String> missing = new ArrayList<>();
            List<Column> columns = new ArrayList<>();
            for (Map.Entry<String, ColumnSpec> entry : contract.columns().entrySet()) {
                String name = entry.getKey();
                ColumnSpec spec = entry.getValue();
                if (spec.roleOrDefault() == ColumnRole.IGNORE) {
                    continue;
                }
                boolean isLabel = name.equals(label) || spec.roleOrDefault() == ColumnRole.LABEL;
                int index = csv.columnIndex(name);
                if (index < 0) {
                    if (!isLabel || requireLabel) {
                        missing.add(name);
                    }
                    continue;
                }
                FeatureProfile profile = reference != null && ReferenceProfile.isDriftFeature(name, spec, label)
                        ? reference.features().get(name) : null;
                columns.add(new Column(name, index, spec, profile));
            }
            if (requireLabel && label != null && !contract.columns().containsKey(label) && csv.columnIndex(label) < 0) {
                missing.add(label);
            }
            int[] keyIndex = new int[contract.key().size()];
            boolean keyComplete = true;
            for (int i = 0; i < keyIndex.length; i++) {
                String keyColumn = contract.key().get(i);
                keyIndex[i] = csv.columnIndex(keyColumn);
                if (keyIndex[i] < 0) {
                    keyComplete = false;
                    if (!missing.contains(keyColumn) && !contract.columns().containsKey(keyColumn)) {
                        missing.add(keyColumn);
                    }
                }
            }
            List<String> unexpected = new ArrayList<>();
            for (String name : csv.header()) {
                if (!contract.columns().containsKey(name) && !name.equals(label) && !contract.key().contains(name)) {
                    unexpected.add(name);
                }
            }

            // The streaming pass.
            Column[] cols = columns.toArray(new Column[0]);
            KeyDigests keys = keyComplete && keyIndex.length > 0 ? new KeyDigests() : null;
            String keyName = String.join(",", contract.key());
            Offenders duplicateOffenders = new Offenders(MAX_OFFENDERS);
            long duplicates = 0;
            long firstDuplicateOf = -1;
            long rows = 0;
            while (csv.hasNext()) {
                CsvRow row = csv.next();
                String[] fields = row.fields();
                rows++;
                for (Column c : cols) {
                    c.accept(fields[c.index], row);
                }
                if (keys != null) {
                    long first = keys.addOrGet(KeyDigests.digest(fields, keyIndex), row.row());
                    if (first >= 0) {
                        if (duplicates == 0) {
                            firstDuplicateOf = first;
                        }
                        duplicates++;
                        duplicateOffenders.first(row, keyName, keyValue(fields, keyIndex));
                    }
                }
            }

            final long rowCount = rows;
            List<CheckResult> checks = new ArrayList<>();
            checks.add(missingCheck(missing, columns.size(), fileName));
            checks.add(unexpectedCheck(unexpected, contract.unexpectedColumns(), fileName));
            addColumnChecks(checks, CheckResult.TYPE, cols, Column::typeResult,
                    "every value matches its column type");
            addColumnChecks(checks, CheckResult.NULLS, cols, c -> c.nullResult(rowCount),
                    "empty cells within the contract");
            addColumnChecks(checks, CheckResult.RANGE, cols, Column::rangeResult,
                    "every number within its range");
            addColumnChecks(checks, CheckResult.DOMAIN, cols, Column::domainResult,
                    "every category value allowed");
            if (keys != null) {
                checks.add(duplicates == 0
                        ? new CheckResult(CheckResult.DUPLICATES, null, GateStatus.PASSED, 0,
                                "no repeated key (" + keyName + ")", List.of())
                        : new CheckResult(CheckResult.DUPLICATES, null, GateStatus.FAILED, duplicates,
                                duplicates + (duplicates == 1 ? " row repeats" : " rows repeat") + " a key (" + keyName
                                        + "), first at row " + duplicateOffenders.firstKept().row() + ": '"
                                        + duplicateOffenders.firstKept().value() + "' (also row " + firstDuplicateOf + ")",
                                duplicateOffenders.list()));
            }
            int minRows = contract.minRows();
            checks.add(rows < minRows
                    ? new CheckResult(CheckResult.MIN_ROWS, null, GateStatus.FAILED, 1, rows + " rows < min_rows " + minRows,
                            List.of())
                    : new CheckResult(CheckResult.MIN_ROWS, null, GateStatus.PASSED, 0, rows + " rows >= min_rows " + minRows,
                            List.of()));

            List<FeatureDrift> drift = new ArrayList<>();
            for (Column c : cols) {
                if (c.profile != null) {
                    drift.add(c.drift(contract.drift(), rows));
                }
            }
            List<GateStatus> statuses = new ArrayList<>();
            checks.forEach(c -> statuses.add(c.status()));
            drift.forEach(d -> statuses.add(d.status()));
            return new ValidationReport(fileName, rows, GateStatus.worstOf(statuses), checks, drift);
        }
    }

    private static String keyValue(String[] fields, int[] keyIndex) {
        if (keyIndex.length == 1) {
            return fields[keyIndex[0]];
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keyIndex.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(fields[keyIndex[i]]);
        }
        return b.toString();
    }

    private static CheckResult missingCheck(List<String> missing, int present, String fileName) {
        if (missing.isEmpty()) {
            return new CheckResult(CheckResult.COLUMNS_MISSING, null, GateStatus.PASSED, 0,
                    "all " + present + " contract columns are present in " + fileName, List.of());
        }
        String message = (missing.size() == 1 ? "column " : "columns ") + quoted(missing)
                + (missing.size() == 1 ? " is" : " are") + " missing from " + fileName;
        return new CheckResult(CheckResult.COLUMNS_MISSING, null, GateStatus.FAILED, missing.size(), message, List.of());
    }

    private static CheckResult unexpectedCheck(List<String> unexpected, Severity severity, String fileName) {
        if (unexpected.isEmpty()) {
            return new CheckResult(CheckResult.COLUMNS_UNEXPECTED, null, GateStatus.PASSED, 0,
                    "no columns beyond the contract", List.of());
        }
        String message = (unexpected.size() == 1 ? "column " : "columns ") + quoted(unexpected) + " in " + fileName
                + (unexpected.size() == 1 ? " is" : " are") + " not in the contract";
        GateStatus status = switch (severity) {
            case FAIL -> GateStatus.FAILED;
            case WARN -> GateStatus.WARNING;
            case IGNORE -> GateStatus.PASSED;
        };
        if (severity == Severity.IGNORE) {
            message += " (unexpected_columns: ignore)";
        }
        return new CheckResult(CheckResult.COLUMNS_UNEXPECTED, null, status, unexpected.size(), message, List.of());
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    private static void addColumnChecks(List<CheckResult> checks, String check, Column[] cols,
            java.util.function.Function<Column, CheckResult> result, String passed) {
        int before = checks.size();
        for (Column c : cols) {
            CheckResult r = result.apply(c);
            if (r != null) {
                checks.add(r);
            }
        }
        if (checks.size() == before) {
            checks.add(new CheckResult(check, null, GateStatus.PASSED, 0, passed, List.of()));
        }
    }

    /** "0.1", "0.25", "1000": thresholds as written. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String four(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private enum Kind { INT, FLOAT, BOOL, CATEGORY, STRING }

    /** A category value's place: allowed by the contract, and its drift bucket. */
    private record Category(boolean allowed, int bucket) {
    }

    /** The checks and drift counts of one column during the pass. */
    private static final class Column {
        final String name;
        final int index;
        final ColumnSpec spec;
        final Kind kind;
        final boolean nullable;
        final double min;
        final double max;
        final Map<String, Category> categories;
        final boolean hasDomain;
        final FeatureProfile profile;
        final String profileMismatch;
        final long[] driftCounts;
        final int otherBucket;

        long nonNull;
        long nulls;
        long typeViolations;
        long rangeViolations;
        long domainViolations;
        final Offenders nullOffenders = new Offenders(MAX_OFFENDERS);
        final Offenders typeOffenders = new Offenders(MAX_OFFENDERS);
        final Offenders rangeOffenders = new Offenders(MAX_OFFENDERS);
        final Offenders domainOffenders = new Offenders(MAX_OFFENDERS);

        Column(String name, int index, ColumnSpec spec, FeatureProfile referenceProfile) {
            this.name = name;
            this.index = index;
            this.spec = spec;
            ColumnType type = spec.type() == null ? ColumnType.STRING : spec.type();
            this.kind = Kind.valueOf(type.name());
            this.nullable = spec.isNullable();
            this.min = spec.min() == null ? Double.NEGATIVE_INFINITY : spec.min();
            this.max = spec.max() == null ? Double.POSITIVE_INFINITY : spec.max();
            boolean numericColumn = kind == Kind.INT || kind == Kind.FLOAT;
            String mismatch = null;
            FeatureProfile usable = referenceProfile;
            if (referenceProfile != null && referenceProfile.isNumeric() != numericColumn) {
                mismatch = "the reference profile has '" + name + "' as " + referenceProfile.kind() + " but the contract says "
                        + type.yamlName() + "; recompute the reference profile";
                usable = null;
            }
            this.profile = referenceProfile;
            this.profileMismatch = mismatch;
            this.driftCounts = usable == null ? null : new long[usable.binCount()];
            this.otherBucket = usable == null || usable.isNumeric() ? -1 : usable.binCount() - 1;
            this.hasDomain = kind == Kind.CATEGORY && spec.values() != null;
            Map<String, Category> map = new HashMap<>();
            if (hasDomain) {
                for (String v : spec.values()) {
                    map.put(v, new Category(true, usable == null || usable.isNumeric() ? -1 : usable.categoryBucket(v)));
                }
            }
            if (usable != null && !usable.isNumeric()) {
                for (int i = 0; i < usable.categories().size(); i++) {
                    map.putIfAbsent(usable.categories().get(i), new Category(!hasDomain, i));
                }
            }
            this.categories = map;
        }

        void accept(String cell, CsvRow row) {
            if (Cells.isNull(cell)) {
                nulls++;
                nullOffenders.first(row, name, cell);
                return;
            }
            nonNull++;
            switch (kind) {
                case INT, FLOAT -> {
                    double v = Cells.parse(cell);
                    if (Double.isNaN(v) || (kind == Kind.INT && !Cells.isWhole(v))) {
                        typeViolations++;
                        typeOffenders.first(row, name, cell);
                        return;
                    }
                    if (v < min || v > max) {
                        double excess = v < min ? min - v : v - max;
                        rangeViolations++;
                        rangeOffenders.worst(excess, row, name, cell);
                    }
                    if (driftCounts != null) {
                        driftCounts[profile.numericBin(v)]++;
                    }
                }
                case BOOL -> {
                    int b = Cells.bool(cell, true);
                    if (b < 0) {
                        typeViolations++;
                        typeOffenders.first(row, name, cell);
                        return;
                    }
                    if (driftCounts != null) {
                        driftCounts[bucket(Cells.boolName(b))]++;
                    }
                }
                case CATEGORY -> {
                    Category category = categories.get(cell);
                    if (hasDomain && (category == null || !category.allowed())) {
                        domainViolations++;
                        domainOffenders.first(row, name, cell);
                    }
                    if (driftCounts != null) {
                        driftCounts[category == null || category.bucket() < 0 ? otherBucket : category.bucket()]++;
                    }
                }
                case STRING -> {
                    // free text: presence and nulls only
                }
            }
        }

        private int bucket(String value) {
            Category c = categories.get(value);
            return c == null || c.bucket() < 0 ? otherBucket : c.bucket();
        }

        CheckResult typeResult() {
            if (typeViolations == 0) {
                return null;
            }
            Offender first = typeOffenders.firstKept();
            return new CheckResult(CheckResult.TYPE, name, GateStatus.FAILED, typeViolations,
                    typeViolations + (typeViolations == 1 ? " value is" : " values are") + " not "
                            + spec.type().yamlName() + ", first at row " + first.row() + ": '" + first.value() + "'",
                    typeOffenders.list());
        }

        CheckResult nullResult(long rows) {
            if (nulls == 0) {
                return null;
            }
            if (!nullable) {
                return new CheckResult(CheckResult.NULLS, name, GateStatus.FAILED, nulls,
                        nulls + (nulls == 1 ? " empty cell" : " empty cells") + " but the column is not nullable, first at row "
                                + nullOffenders.firstKept().row(),
                        nullOffenders.list());
            }
            double rate = (double) nulls / rows;
            if (spec.maxNullRate() != null && rate > spec.maxNullRate()) {
                return new CheckResult(CheckResult.NULLS, name, GateStatus.FAILED, nulls,
                        "null rate " + four(rate) + " > max_null_rate " + plain(spec.maxNullRate()) + " (" + nulls + " of "
                                + rows + " rows)",
                        nullOffenders.list());
            }
            return null;
        }

        CheckResult rangeResult() {
            if (rangeViolations == 0) {
                return null;
            }
            Offender worst = rangeOffenders.firstKept();
            GateStatus status = rangeViolations <= OUTLIER_WARN_SHARE * nonNull ? GateStatus.WARNING : GateStatus.FAILED;
            return new CheckResult(CheckResult.RANGE, name, status, rangeViolations,
                    rangeViolations + (rangeViolations == 1 ? " value" : " values") + " outside [" + bound(min) + ", "
                            + bound(max) + "], farthest " + worst.value().strip() + " at row " + worst.row()
                            + (status == GateStatus.WARNING ? " (at most 1% of the values)" : ""),
                    rangeOffenders.list());
        }

        CheckResult domainResult() {
            if (domainViolations == 0) {
                return null;
            }
            Offender first = domainOffenders.firstKept();
            GateStatus status = domainViolations <= OUTLIER_WARN_SHARE * nonNull ? GateStatus.WARNING : GateStatus.FAILED;
            return new CheckResult(CheckResult.DOMAIN, name, status, domainViolations,
                    domainViolations + (domainViolations == 1 ? " value is" : " values are") + " not among the "
                            + spec.values().size() + " allowed categories, first '" + first.value() + "' at row "
                            + first.row(),
                    domainOffenders.list());
        }

        FeatureDrift drift(DriftSpec spec, long rows) {
            String kindName = profile.kind();
            if (driftCounts == null) {
                return new FeatureDrift(name, kindName, Double.NaN, Double.NaN, GateStatus.INACTIVE, profileMismatch,
                        profile.binLabels(), profile.shares(), new double[profile.binCount()]);
            }
            double[] current = Drift.shares(driftCounts);
            double[] ref = profile.shares();
            long counted = 0;
            for (long c : driftCounts) {
                counted += c;
            }
            if (counted == 0) {
                return new FeatureDrift(name, kindName, Double.NaN, Double.NaN, GateStatus.INACTIVE,
                        "no non-empty values; no drift verdict", profile.binLabels(), ref, current);
            }
            double psi = Drift.psi(ref, current);
            double js = Drift.jsDistance(ref, current);
            DriftThresholds t = spec.thresholdsFor(name);
            GateStatus status;
            String message;
            if (rows < spec.minRows()) {
                status = GateStatus.INACTIVE;
                message = rows + " rows < min_rows " + spec.minRows() + "; no drift verdict";
            } else if (t.isIgnored()) {
                status = GateStatus.INACTIVE;
                message = "ignored by the contract; PSI " + four(psi) + " (JS " + four(js) + ")";
            } else {
                GateStatus psiStatus = judge(psi, t.psiWarn(), t.psiFail());
                GateStatus jsStatus = judge(js, t.jsWarn(), t.jsFail());
                status = psiStatus.worst(jsStatus);
                if (status == GateStatus.PASSED) {
                    message = "PSI " + four(psi) + " < " + plain(t.psiWarn()) + " (JS " + four(js) + ")";
                } else if (psiStatus == status) {
                    double crossed = status == GateStatus.FAILED ? t.psiFail() : t.psiWarn();
                    message = "PSI " + four(psi) + " >= " + plain(crossed) + " (JS " + four(js) + ")";
                } else {
                    double crossed = status == GateStatus.FAILED ? t.jsFail() : t.jsWarn();
                    message = "JS " + four(js) + " >= " + plain(crossed) + " (PSI " + four(psi) + ")";
                }
            }
            return new FeatureDrift(name, kindName, psi, js, status, message, profile.binLabels(), ref, current);
        }

        private static GateStatus judge(double value, Double warn, Double fail) {
            if (fail != null && value >= fail) {
                return GateStatus.FAILED;
            }
            if (warn != null && value >= warn) {
                return GateStatus.WARNING;
            }
            return GateStatus.PASSED;
        }

        private static String bound(double value) {
            return Double.isInfinite(value) ? (value < 0 ? "-inf" : "+inf") : plain(value);
        }
    }
}
