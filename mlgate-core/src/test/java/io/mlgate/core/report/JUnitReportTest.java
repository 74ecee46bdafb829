package io.mlgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.gate.GateReport;
import io.mlgate.core.gate.GateStatus;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {
    @TempDir
    Path dir;

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element testcase(Document doc, int index) {
        return (Element) doc.getElementsByTagName("testcase").item(index);
    }

    private static Element child(Element element, String name) {
        NodeList list = element.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    @Test
    void oneTestCasePerGateResultNamedByTheBracketedGateName() throws Exception {
        Path file = dir.resolve("gates.xml");
        JUnitReport.write(ReportFixtures.mixed(), null, file);

        Document doc = parse(file);
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        assertThat(testcase(doc, 0).getAttribute("classname")).isEqualTo("mlgate.gates");
        assertThat(testcase(doc, 0).getAttribute("name")).isEqualTo("[absolute - auc]");
        assertThat(testcase(doc, 3).getAttribute("name")).isEqualTo("[absolute - f1 @ grade=A]");
    }

    @Test
    void aFailedGateIsAFailureCarryingThePinnedMessage() throws Exception {
        Path file = dir.resolve("gates.xml");
        GateReport report = ReportFixtures.mixed();
        JUnitReport.write(report, null, file);

        Element failure = child(testcase(parse(file), 1), "failure");
        assertThat(failure).isNotNull();
        assertThat(failure.getAttribute("message"))
                .isEqualTo("[champion - auc]: FAILED - candidate 0.7500, champion 1.0000, delta -0.2500 < -0.005")
                .isEqualTo(report.messages().get(1));
    }

    @Test
    void aWarningIsAPassedCaseWithTheMessageInSystemOut() throws Exception {
        Path file = dir.resolve("gates.xml");
        JUnitReport.write(ReportFixtures.mixed(), null, file);

        Element warning = testcase(parse(file), 2);
        assertThat(child(warning, "failure")).isNull();
        assertThat(child(warning, "skipped")).isNull();
        assertThat(child(warning, "system-out").getTextContent()).startsWith("[absolute - f1]: WARNING - candidate 0.6667 < 0.9000\n");
    }

    @Test
    void anInactiveGateIsSkipped() throws Exception {
        Path file = dir.resolve("gates.xml");
        JUnitReport.write(ReportFixtures.mixed(), null, file);

        Element skipped = child(testcase(parse(file), 3), "skipped");
        assertThat(skipped.getAttribute("message")).isEqualTo("[absolute - f1 @ grade=A]: INACTIVE - 4 rows < min_rows 30");
    }

    @Test
    void theSuiteCountsFailuresAndSkipsAndCarriesTheOverallStatus() throws Exception {
        Path file = dir.resolve("gates.xml");
        JUnitReport.write(ReportFixtures.mixed(), List.of(new JUnitReport.Case("mlgate.validation", "schema", GateStatus.PASSED, "ok", null)), file);

        Element suite = (Element) parse(file).getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        Element property = (Element) suite.getElementsByTagName("property").item(0);
        assertThat(property.getAttribute("value")).isEqualTo("FAILED");
        assertThat(((Element) suite.getElementsByTagName("testcase").item(4)).getAttribute("classname")).isEqualTo("mlgate.validation");
    }

    @Test
    void checksWithMarkupAndControlCharactersStayWellFormed() throws Exception {
        Path file = dir.resolve("checks.xml");
        String nasty = "column \"<amount>\" & 'fee'\u0001 ]]> done\nsecond line";
        JUnitReport.writeChecks("mlgate.validation", List.of(
                new JUnitReport.Case("mlgate.validation", nasty, GateStatus.FAILED, nasty, "row 7: " + nasty)), file);

        Document doc = parse(file);
        Element testcase = testcase(doc, 0);
        assertThat(testcase.getAttribute("name")).isEqualTo("column \"<amount>\" & 'fee'\uFFFD ]]> done\nsecond line");
        assertThat(child(testcase, "failure").getAttribute("message")).contains("<amount>");
        assertThat(child(testcase, "failure").getTextContent()).contains("row 7: column");
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("name")).isEqualTo("mlgate.validation");
    }

    @Test
    void notesGoToTheSuiteOutput() {
        String xml = JUnitReport.render(ReportFixtures.mixed(), null);

        assertThat(xml).contains("champion version 7 evaluated on the same 4 rows");
    }
}
