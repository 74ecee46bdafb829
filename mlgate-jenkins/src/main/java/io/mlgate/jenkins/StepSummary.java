package io.mlgate.jenkins;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small part of one step's result that is kept in build.xml (the full report is a sidecar
 * file). Plain fields: this is persisted with XStream and read back by old and new plugin versions.
 */
public final class StepSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One row of a table on the build page (a gate, a data check, a drift feature). */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        public String name;
        public String status;
        public Double candidate;
        public Double champion;
        public Double delta;
        public Double limit;
        public String message;

        public String getName() { return name; }
        public String getStatus() { return status; }
        public Double getCandidate() { return candidate; }
        public Double getChampion() { return champion; }
        public Double getDelta() { return delta; }
        public Double getLimit() { return limit; }
        public String getMessage() { return message; }

        public String format(Double value) {
            return value == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", value);
        }

        /** Pixel width of a share (0..1) drawn as a bar on the build page. */
        public long getBar() {
            return candidate == null || candidate.isNaN() ? 0 : Math.round(Math.max(0, Math.min(1, candidate)) * 200);
        }
    }

    public String command;
    public String status;
    public String model;
    public String version;
    public String registry;
    public String championVersion;
    public String actor;
    public int exitCode;
    public List<String> messages = new ArrayList<>();
    public Map<String, Double> metrics = new LinkedHashMap<>();
    public Map<String, Double> championMetrics = new LinkedHashMap<>();
    public List<Row> gates = new ArrayList<>();
    public List<Row> checks = new ArrayList<>();
    public List<Row> drift = new ArrayList<>();
    /**
     * The train step's top columns by importance: {@code name}, share in {@code candidate}, method
     * in {@code message}. Null in builds saved before it existed (XStream sets no defaults).
     */
    public List<Row> importance = new ArrayList<>();
    /**
     * monitor only: whether a retrain is needed, the fired triggers' reasons and ids, and the live metrics
     * on labelled outcomes. Null for the other commands and in builds saved before they existed.
     */
    public Boolean retrain;
    public String reason;
    public List<String> triggers;
    public Map<String, Double> liveMetrics;
    /** Sidecar files kept beside the build: {@code dir} under the build's mlgate folder, and their names. */
    public String dir;
    public List<String> files = new ArrayList<>();

    public String getCommand() { return command; }
    public String getStatus() { return status; }
    public String getModel() { return model; }
    public String getVersion() { return version; }
    public String getRegistry() { return registry; }
    public String getChampionVersion() { return championVersion; }
    public List<String> getMessages() { return messages; }
    public Map<String, Double> getMetrics() { return metrics; }
    public Map<String, Double> getChampionMetrics() { return championMetrics; }
    public List<Row> getGates() { return gates; }
    public List<Row> getChecks() { return checks; }
    public List<Row> getDrift() { return drift; }
    public List<Row> getImportance() { return importance == null ? List.of() : importance; }
    public Boolean getRetrain() { return retrain; }
    public String getReason() { return reason; }
    public List<String> getTriggers() { return triggers == null ? List.of() : triggers; }
    public Map<String, Double> getLiveMetrics() { return liveMetrics == null ? Map.of() : liveMetrics; }

    /** The CLI command of {@code monitorModel}, whose result carries the retrain decision. */
    static final String MONITOR = "monitor";

    /** Columns of the importance kept in build.xml; the full list is in the kept training.json. */
    static final int TOP_IMPORTANCE = 10;

    /** The 1-based rank of a column in this step's importance, or 0 when it has none. */
    public int importanceRank(String feature) {
        List<Row> rows = getImportance();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name.equals(feature)) {
                return i + 1;
            }
        }
        return 0;
    }
    public String getDir() { return dir; }
    public List<String> getFiles() { return files; }

    /** The HTML report among the sidecar files, if any. */
    public String getHtmlReport() {
        for (String f : files) {
            if (f.endsWith(".html")) {
                return f;
            }
        }
        return null;
    }

    /** Builds the summary from the CLI's JSON result. */
    public static StepSummary from(String command, int exitCode, Map<String, Object> json) {
        StepSummary s = new StepSummary();
        s.command = command;
        s.exitCode = exitCode;
        if (MONITOR.equals(command)) {
            // the decision is the point of the step: from the JSON, else from the documented exit code
            Object retrain = json == null ? null : json.get("retrain");
            s.retrain = retrain instanceof Boolean b ? b : exitCode == VerdictMapping.RETRAIN;
            s.reason = json == null || json.get("reason") == null ? "" : String.valueOf(json.get("reason"));
            s.triggers = new ArrayList<>();
            s.liveMetrics = new LinkedHashMap<>();
            if (json != null) {
                for (Object t : Json.list(json.get("triggers"))) {
                    s.triggers.add(String.valueOf(t));
                }
                Map<String, Object> live = Json.map(json.get("live_metrics"));
                if (live != null) {
                    live.forEach((k, v) -> {
                        Double d = Json.number(v);
                        if (d != null) {
                            s.liveMetrics.put(k, d);
                        }
                    });
                }
            }
        }
        if (json == null) {
            s.status = VerdictMapping.fromExitCode(exitCode).name();
            return s;
        }
        s.status = Verdict.parse(json.get("status")).name();
        s.model = Json.string(json.get("model"));
        s.version = Json.string(json.get("version"));
        s.registry = Json.string(json.get("registry"));
        s.championVersion = Json.string(json.get("champion_version"));
        for (Object m : Json.list(json.get("messages"))) {
            s.messages.add(String.valueOf(m));
        }
        s.metrics.putAll(values(json.get("candidate")));
        s.championMetrics.putAll(values(json.get("champion")));
        Map<String, Object> gates = Json.map(json.get("gates"));
        if (gates != null) {
            for (Object o : Json.list(gates.get("results"))) {
                Map<String, Object> g = Json.map(o);
                if (g == null) {
                    continue;
                }
                Row row = new Row();
                row.name = Json.string(g.get("name"));
                row.status = Json.string(g.get("status"));
                row.candidate = Json.number(g.get("candidate"));
                row.champion = Json.number(g.get("champion"));
                row.delta = Json.number(g.get("delta"));
                row.limit = Json.number(g.get("limit"));
                row.message = Json.string(g.get("message"));
                s.gates.add(row);
            }
        }
        for (Object o : Json.list(json.get("importance"))) {
            Map<String, Object> f = Json.map(o);
            if (f == null || s.importance.size() >= TOP_IMPORTANCE) {
                continue;
            }
            Row row = new Row();
            row.name = Json.string(f.get("feature"));
            row.candidate = Json.number(f.get("importance"));
            row.message = Json.string(f.get("method"));
            s.importance.add(row);
        }
        Map<String, Object> report = Json.map(json.get("report"));
        if (report != null) {
            for (Object o : Json.list(report.get("checks"))) {
                Map<String, Object> c = Json.map(o);
                if (c == null) {
                    continue;
                }
                Row row = new Row();
                String column = Json.string(c.get("column"));
                row.name = Json.string(c.get("check")) + (column == null ? "" : " - " + column);
                row.status = Json.string(c.get("status"));
                row.candidate = Json.number(c.get("violations"));
                row.message = Json.string(c.get("message"));
                s.checks.add(row);
            }
            for (Object o : Json.list(report.get("drift"))) {
                Map<String, Object> d = Json.map(o);
                if (d == null) {
                    continue;
                }
                Row row = new Row();
                row.name = Json.string(d.get("feature"));
                row.status = Json.string(d.get("status"));
                row.candidate = Json.number(d.get("psi"));
                row.delta = Json.number(d.get("js"));
                row.message = Json.string(d.get("message"));
                s.drift.add(row);
            }
        }
        return s;
    }

    private static Map<String, Double> values(Object metricSet) {
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, Object> set = Json.map(metricSet);
        Map<String, Object> values = set == null ? null : Json.map(set.get("values"));
        if (values != null) {
            values.forEach((k, v) -> {
                Double d = Json.number(v);
                if (d != null) {
                    out.put(k, d);
                }
            });
        }
        return out;
    }

    /**
     * What the step returns to Groovy: plain maps, lists, strings and numbers only, so it is
     * serializable in the CPS program and readable in the sandbox ({@code gate.metrics.auc}).
     */
    public Map<String, Object> toStepResult() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("status", status);
        r.put("command", command);
        r.put("exitCode", exitCode);
        r.put("model", model);
        r.put("version", version);
        r.put("registry", registry);
        r.put("championVersion", championVersion);
        r.put("messages", new ArrayList<>(messages));
        r.put("metrics", new LinkedHashMap<>(metrics));
        r.put("championMetrics", new LinkedHashMap<>(championMetrics));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row g : gates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name);
            m.put("status", g.status);
            m.put("candidate", g.candidate);
            m.put("champion", g.champion);
            m.put("delta", g.delta);
            m.put("limit", g.limit);
            m.put("message", g.message);
            rows.add(m);
        }
        r.put("gates", rows);
        List<Map<String, Object>> top = new ArrayList<>();
        for (Row f : getImportance()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", f.name);
            m.put("importance", f.candidate);
            m.put("method", f.message);
            top.add(m);
        }
        r.put("importance", top);
        if (retrain != null) {
            r.put("retrain", retrain.booleanValue());
            r.put("reason", reason == null ? "" : reason);
            r.put("triggers", new ArrayList<>(getTriggers()));
            r.put("liveMetrics", new LinkedHashMap<>(getLiveMetrics()));
        }
        return r;
    }
}
