package io.mlgate.core.report;

import io.mlgate.core.gate.GateReport;
import io.mlgate.core.gate.GateResult;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.util.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * JUnit XML, the format Jenkins' junit step and GitLab's {@code artifacts:reports:junit} read.
 * One test case per gate result (class name {@code mlgate.gates}, name the bracketed gate
 * name) or per check. CI tools know only pass / fail / skip, so the mapping is:
 * FAILED is a {@code <failure>} whose message is the pinned message; WARNING and PASSED are
 * passed cases carrying the message in {@code <system-out>} (the build status, not the test
 * report, shows the warning); INACTIVE is {@code <skipped>}, since nothing was evaluated.
 */
public final class JUnitReport {
    /** Class name of the gate test cases. */
    public static final String GATES_CLASS = "mlgate.gates";

    private JUnitReport() {
    }

    /**
     * One test case.
     *
     * @param className groups cases, e.g. {@code mlgate.gates} or {@code mlgate.validation}
     * @param name      the case name, e.g. {@code [champion - auc]}
     * @param status    the verdict
     * @param message   the one-line message
     * @param details   more lines for the reader, may be null
     */
    public record Case(String className, String name, GateStatus status, String message, String details) {
        public Case {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
        }
    }

    /** The gate results of a report as test cases. */
    public static List<Case> cases(GateReport report) {
        return report.results().stream().map(JUnitReport::toCase).toList();
    }

    /** Writes the gate results, then the extra cases (may be null), as one suite {@code mlgate}; the report's notes go to the suite's system-out. */
    public static void write(GateReport report, List<Case> extraCases, Path file) {
        AtomicFiles.write(file, render(report, extraCases));
    }

    /** The XML {@link #write} writes. */
    public static String render(GateReport report, List<Case> extraCases) {
        List<Case> cases = new ArrayList<>(cases(report));
        if (extraCases != null) {
            cases.addAll(extraCases);
        }
        return render("mlgate", cases, report.status(), report.notes());
    }

    /** Writes generic checks (e.g. data validation) as one suite. */
    public static void writeChecks(String suite, List<Case> cases, Path file) {
        AtomicFiles.write(file, renderChecks(suite, cases));
    }

    /** The XML {@link #writeChecks} writes. */
    public static String renderChecks(String suite, List<Case> cases) {
        GateStatus overall = GateStatus.worstOf(cases.stream().map(Case::status).toList());
        return render(suite, cases, overall, List.of());
    }

    private static Case toCase(GateResult result) {
        StringBuilder details = new StringBuilder();
        details.append("metric: ").append(result.metric()).append('\n');
        details.append("baseline: ").append(result.baseline().yamlName()).append('\n');
        if (result.slice() != null) {
            details.append("slice: ").append(result.slice()).append('\n');
        }
        details.append("criticality: ").append(result.criticality().yamlName()).append('\n');
        appendValue(details, "candidate", result.candidate());
        appendValue(details, "champion", result.champion());
        appendValue(details, "delta", result.delta());
        appendValue(details, "relative delta", result.relativeDelta());
        appendValue(details, "limit", result.limit());
        if (result.interval() != null) {
            details.append("interval: [").append(result.interval()[0]).append(", ").append(result.interval()[1]).append("]\n");
        }
        return new Case(GATES_CLASS, result.label(), result.status(), result.message(), details.toString().strip());
    }

    private static void appendValue(StringBuilder out, String name, Double value) {
        if (value != null) {
            out.append(name).append(": ").append(value).append('\n');
        }
    }

    private static String render(String suite, List<Case> cases, GateStatus overall, List<String> notes) {
        long failures = cases.stream().filter(c -> c.status() == GateStatus.FAILED).count();
        long skipped = cases.stream().filter(c -> c.status() == GateStatus.INACTIVE).count();
        String counts = " tests=\"" + cases.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\"";
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"").append(attribute(suite)).append('"').append(counts).append(">\n");
        xml.append("  <testsuite name=\"").append(attribute(suite)).append('"').append(counts).append(" time=\"0\">\n");
        xml.append("    <properties>\n");
        xml.append("      <property name=\"mlgate.status\" value=\"").append(overall.name()).append("\"/>\n");
        xml.append("    </properties>\n");
        for (Case c : cases) {
            xml.append("    <testcase classname=\"").append(attribute(c.className()))
                    .append("\" name=\"").append(attribute(c.name())).append("\" time=\"0\">\n");
            String message = c.message() == null ? c.status().name().toLowerCase(Locale.ROOT) : c.message();
            String output = c.details() == null || c.details().isBlank() ? message : message + "\n" + c.details();
            switch (c.status()) {
                case FAILED -> xml.append("      <failure message=\"").append(attribute(message))
                        .append("\" type=\"FAILED\">").append(text(output)).append("</failure>\n");
                case INACTIVE -> xml.append("      <skipped message=\"").append(attribute(message)).append("\"/>\n")
                        .append("      <system-out>").append(text(output)).append("</system-out>\n");
                case PASSED, WARNING -> xml.append("      <system-out>").append(text(output)).append("</system-out>\n");
            }
            xml.append("    </testcase>\n");
        }
        if (!notes.isEmpty()) {
            xml.append("    <system-out>").append(text(String.join("\n", notes))).append("</system-out>\n");
        }
        xml.append("  </testsuite>\n</testsuites>\n");
        return xml.toString();
    }

    // XML 1.0 escaping: markup escaped, characters XML cannot carry replaced by U+FFFD

    /** Escapes an attribute value: line breaks become character references so parsers keep them. */
    private static String attribute(String value) {
        return escape(value, true);
    }

    /** Escapes element content; line breaks and tabs stay as they are. */
    private static String text(String value) {
        return escape(value, false);
    }

    private static String escape(String value, boolean attribute) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append(attribute ? "&#13;" : "\r");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (isXmlChar(cp)) {
                        out.appendCodePoint(cp);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean isXmlChar(int cp) {
        return cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
