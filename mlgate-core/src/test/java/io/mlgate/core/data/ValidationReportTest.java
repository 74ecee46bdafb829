package io.mlgate.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.gate.GateStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationReportTest {
    @TempDir
    Path dir;

    ValidationReport report(String contractYaml) {
        DataValidatorTest fixture = new DataValidatorTest();
        fixture.dir = dir;
        return DataValidator.validate(fixture.smallHoldout(), DataValidatorTest.contract(contractYaml),
                DataValidatorTest.smallProfile(), "Class", true);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ValidationReport report = report(DataValidatorTest.SMALL_CONTRACT);
        ObjectMapper json = ConfigLoader.jsonMapper();
        String text = json.writeValueAsString(report);
        assertThat(text).contains("\"reference_shares\"", "\"bin_labels\"", "\"worst\"");
        assertThat(json.readValue(text, ValidationReport.class)).isEqualTo(report);
    }

    @Test
    void roundTripsInactiveDriftWithoutNumbers() throws Exception {
        ValidationReport report = report(DataValidatorTest.SMALL_CONTRACT.replace("\"", "")
                .replace("purpose: {type: category, values: [car, home]}", "purpose: {type: float}"));
        assertThat(report.driftOf("purpose").status()).isEqualTo(GateStatus.INACTIVE);
        assertThat(report.driftOf("purpose").message()).isEqualTo(
                "the reference profile has 'purpose' as category but the contract says float; recompute the reference profile");
        ObjectMapper json = ConfigLoader.jsonMapper();
        assertThat(json.readValue(json.writeValueAsString(report), ValidationReport.class)).isEqualTo(report);
    }

    @Test
    void withoutDriftTheMessagesAreTheCheckLines() {
        ValidationReport report = new ValidationReport("f.csv", 1, GateStatus.WARNING,
                List.of(new CheckResult(CheckResult.MIN_ROWS, null, GateStatus.PASSED, 0, "1 rows >= min_rows 1", null)),
                List.of());
        assertThat(report.messages()).containsExactly("[validate - min_rows]: PASSED - 1 rows >= min_rows 1");
    }
}
