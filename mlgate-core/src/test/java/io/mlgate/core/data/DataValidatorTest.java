package io.mlgate.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.gate.GateStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataValidatorTest {
    @TempDir
    Path dir;

    static final String SMALL_CONTRACT = """
            label: Class
            contract:
              key: [id]
              unexpected_columns: warn
              columns:
                id: {type: string, role: id}
                age: {type: int, min: 18, max: 100}
                income: {type: float, nullable: true, max_null_rate: 0.05}
                purpose: {type: category, values: [car, home]}
                Class: {type: category, values: [bad, good], role: label}
              drift: {min_rows: 5}
            """;

    static ContractSpec contract(String yaml) {
        return ConfigLoader.parse(yaml, "mlgate.yaml").contract();
    }

    /** age: reference deciles cut at 30 and 50; purpose: half car, half home. */
    static ReferenceProfile smallProfile() {
        Map<String, FeatureProfile> features = new LinkedHashMap<>();
        features.put("age", new FeatureProfile(FeatureProfile.NUMERIC, 100, new double[] {30, 50}, null,
                new double[] {0.4, 0.3, 0.3}));
        features.put("purpose", new FeatureProfile(FeatureProfile.CATEGORY, 100, null, List.of("car", "home"),
                new double[] {0.5, 0.5, 0}));
        return new ReferenceProfile(1, "train.csv", 100, 10, features);
    }

    Path smallHoldout() {
        return TestCsv.write(dir.resolve("holdout.csv"),
                "id,age,income,purpose,Class,note",
                "1,25,100.5,car,good,x",
                "2,35,,home,good,x",
                "3,45,80,car,bad,x",
                "4,17,90,boat,good,x",
                "5,60,70,home,good,x",
                "5,130,60,car,good,x",
                "7,abc,50,home,bad,x",
                "8,28,40,car,good,x",
                "9,33,30,car,good,x",
                "10,29,20,car,good,x");
    }

    @Test
    void pinsOneMessagePerCheckAndFeature() {
        ValidationReport report = DataValidator.validate(smallHoldout(), contract(SMALL_CONTRACT), smallProfile(), "Class", true);
        assertThat(report.messages()).containsExactly(
                "[validate - columns.missing]: PASSED - all 5 contract columns are present in holdout.csv",
                "[validate - columns.unexpected]: WARNING - column 'note' in holdout.csv is not in the contract",
                "[validate - type - age]: FAILED - 1 value is not int, first at row 7: 'abc'",
                "[validate - nulls - income]: FAILED - null rate 0.1000 > max_null_rate 0.05 (1 of 10 rows)",
                "[validate - range - age]: FAILED - 2 values outside [18, 100], farthest 130 at row 6",
                "[validate - domain - purpose]: FAILED - 1 value is not among the 2 allowed categories, first 'boat' at row 4",
                "[validate - duplicates]: FAILED - 1 row repeats a key (id), first at row 6: '5' (also row 5)",
                "[validate - min_rows]: PASSED - 10 rows >= min_rows 1",
                "[drift - age]: PASSED - PSI 0.0315 < 0.1 (JS 0.0753)",
                "[drift - purpose]: FAILED - PSI 0.8105 >= 0.25 (JS 0.2674)");
        assertThat(report.status()).isEqualTo(GateStatus.FAILED);
        assertThat(report.rows()).isEqualTo(10);
        assertThat(report.file()).isEqualTo("holdout.csv");
    }

    @Test
    void rangeOffendersAreTheFarthestOutFirstWithRowAndLine() {
        ValidationReport report = DataValidator.validate(smallHoldout(), contract(SMALL_CONTRACT), null, "Class", true);
        assertThat(report.checks(CheckResult.RANGE).get(0).worst()).containsExactly(
                new Offender(6, 7, "age", "130"),
                new Offender(4, 5, "age", "17"));
    }

    @Test
    void unknownCategoriesAndDuplicatesNameTheirRows() {
        ValidationReport report = DataValidator.validate(smallHoldout(), contract(SMALL_CONTRACT), null, "Class", true);
        assertThat(report.checks(CheckResult.DOMAIN).get(0).worst()).containsExactly(new Offender(4, 5, "purpose", "boat"));
        assertThat(report.checks(CheckResult.DUPLICATES).get(0).worst()).containsExactly(new Offender(6, 7, "id", "5"));
        assertThat(report.checks(CheckResult.TYPE).get(0).worst()).containsExactly(new Offender(7, 8, "age", "abc"));
    }

    @Test
    void aFewValuesOutsideTheRangeOnlyWarn() {
        StringBuilder rows = new StringBuilder("age");
        for (int i = 0; i < 200; i++) {
            rows.append('\n').append(i == 150 ? "205" : "30");
        }
        Path csv = TestCsv.write(dir.resolve("h.csv"), rows.toString());
        ValidationReport report = DataValidator.validate(csv,
                contract("contract:\n  columns:\n    age: {type: int, min: 18, max: 100}\n"), null, null, false);
        assertThat(report.messages()).contains(
                "[validate - range - age]: WARNING - 1 value outside [18, 100], farthest 205 at row 151 (at most 1% of the values)");
        assertThat(report.status()).isEqualTo(GateStatus.WARNING);
    }

    @Test
    void moreThanOnePercentOutsideTheRangeFails() {
        StringBuilder rows = new StringBuilder("age");
        for (int i = 0; i < 200; i++) {
            rows.append('\n').append(i % 50 == 0 ? "101" : "30");
        }
        Path csv = TestCsv.write(dir.resolve("h.csv"), rows.toString());
        ValidationReport report = DataValidator.validate(csv,
                contract("contract:\n  columns:\n    age: {type: int, min: 18, max: 100}\n"), null, null, false);
        assertThat(report.checks(CheckResult.RANGE).get(0).status()).isEqualTo(GateStatus.FAILED);
        assertThat(report.status()).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void aRareUnknownCategoryOnlyWarns() {
        StringBuilder rows = new StringBuilder("purpose");
        for (int i = 0; i < 200; i++) {
            rows.append('\n').append(i == 150 ? "boat" : "car");
        }
        Path csv = TestCsv.write(dir.resolve("h.csv"), rows.toString());
        ValidationReport report = DataValidator.validate(csv,
                contract("contract:\n  columns:\n    purpose: {type: category, values: [car, home]}\n"), null, null, false);
        assertThat(report.checks(CheckResult.DOMAIN).get(0).status()).isEqualTo(GateStatus.WARNING);
        assertThat(report.checks(CheckResult.DOMAIN).get(0).worst()).containsExactly(new Offender(151, 152, "purpose", "boat"));
    }

    @Test
    void driftGivesNoVerdictBelowMinRows() {
        ValidationReport report = DataValidator.validate(smallHoldout(),
                contract(SMALL_CONTRACT.replace("drift: {min_rows: 5}", "drift: {}")), smallProfile(), "Class", true);
        assertThat(report.messages()).last().isEqualTo("[drift]: INACTIVE - 10 rows < min_rows 1000; no drift verdict");
        assertThat(report.drift()).extracting(FeatureDrift::status).containsOnly(GateStatus.INACTIVE);
    }

    @Test
    void perFeatureThresholdsJudgeJsAndIgnoreFeatures() {
        String yaml = SMALL_CONTRACT.replace("drift: {min_rows: 5}",
                "drift: {min_rows: 5, features: {age: {js_warn: 0.05}, purpose: {ignore: true}}}");
        ValidationReport report = DataValidator.validate(smallHoldout(), contract(yaml), smallProfile(), "Class", true);
        assertThat(report.messages()).endsWith(
                "[drift - age]: WARNING - JS 0.0753 >= 0.05 (PSI 0.0315)",
                "[drift - purpose]: INACTIVE - ignored by the contract; PSI 0.8105 (JS 0.2674)");
    }

    @Test
    void tooFewRowsFails() {
        ValidationReport report = DataValidator.validate(smallHoldout(),
                contract(SMALL_CONTRACT.replace("key: [id]", "key: [id]\n  min_rows: 20")), null, "Class", true);
        assertThat(report.messages()).contains("[validate - min_rows]: FAILED - 10 rows < min_rows 20");
    }

    @Test
    void unexpectedColumnsFailByDefault() {
        ValidationReport report = DataValidator.validate(smallHoldout(),
                contract(SMALL_CONTRACT.replace("unexpected_columns: warn", "unexpected_columns: fail")), null, "Class", true);
        assertThat(report.checks(CheckResult.COLUMNS_UNEXPECTED).get(0).status()).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void theLabelIsRequiredOnlyWhenAsked() {
        Path csv = TestCsv.write(dir.resolve("unlabelled.csv"), "id,age,income,purpose", "1,25,1,car");
        ContractSpec c = contract(SMALL_CONTRACT);
        assertThat(DataValidator.validate(csv, c, null, "Class", false).messages())
                .contains("[validate - columns.missing]: PASSED - all 4 contract columns are present in unlabelled.csv");
        assertThat(DataValidator.validate(csv, c, null, "Class", true).messages())
                .contains("[validate - columns.missing]: FAILED - column 'Class' is missing from unlabelled.csv");
    }

    @Test
    void structurallyBrokenCsvIsADataExceptionNamingTheLine() {
        Path csv = TestCsv.write(dir.resolve("broken.csv"), "id,age", "1,20", "2,30,extra");
        assertThatThrownBy(() -> DataValidator.validate(csv, contract(SMALL_CONTRACT), null, "Class", false))
                .isInstanceOf(DataException.class).hasMessageContaining("broken.csv:3:");
    }

    // --- on the lending-club data ---

    Path train() {
        return TestCsv.rows(TestCsv.resource("lending_club.csv"), dir.resolve("train.csv"), i -> i % 5 != 4);
    }

    Path holdout() {
        return TestCsv.rows(TestCsv.resource("lending_club.csv"), dir.resolve("holdout.csv"), i -> i % 5 == 4);
    }

    static PipelineConfig lendingConfig() {
        return ConfigLoader.parse("label: Class\n", "mlgate.yaml");
    }

    ValidationReport validateAgainstTrain(Path data) {
        Path train = train();
        ContractSpec contract = ContractInferrer.infer(train, lendingConfig());
        ReferenceProfile profile = ReferenceProfile.compute(train, contract, "Class");
        return DataValidator.validate(data, contract, profile, "Class", true);
    }

    @Test
    void aHoldoutFromTheSameDistributionPasses() {
        ValidationReport report = validateAgainstTrain(holdout());
        assertThat(report.messages()).allSatisfy(m -> assertThat(m).contains("PASSED"));
        assertThat(report.status()).isEqualTo(GateStatus.PASSED);
        assertThat(report.drift()).hasSize(22);
    }

    @Test
    void aDriftedCopyIsCaughtOnTheChangedFeaturesOnly() {
        Map<String, UnaryOperator<String>> changes = new LinkedHashMap<>();
        changes.put("int_rate", v -> String.valueOf(Math.round(Double.parseDouble(v) * 160) / 100.0));
        changes.put("annual_inc", v -> String.valueOf(Math.round(Double.parseDouble(v) * 1.5 + 40000)));
        changes.put("verification_status", v -> v.equals("\"Not_Verified\"") ? "\"Verified\"" : v);
        Path drifted = TestCsv.mapColumns(holdout(), dir.resolve("drifted.csv"), changes);
        ValidationReport report = validateAgainstTrain(drifted);
        assertThat(report.status()).isEqualTo(GateStatus.FAILED);
        assertThat(report.driftOf("int_rate").status()).isEqualTo(GateStatus.FAILED);
        assertThat(report.driftOf("annual_inc").status()).isEqualTo(GateStatus.FAILED);
        assertThat(report.driftOf("verification_status").status()).isIn(GateStatus.WARNING, GateStatus.FAILED);
        assertThat(report.drift()).filteredOn(d -> d.status() != GateStatus.PASSED).extracting(FeatureDrift::feature)
                .containsExactlyInAnyOrder("int_rate", "annual_inc", "verification_status");
        assertThat(report.driftOf("int_rate").message()).startsWith("PSI ").contains(" >= 0.25 (JS ");
    }

    @Test
    void aMissingColumnFailsByNameAndTheOtherChecksStillRun() {
        Path data = TestCsv.dropColumn(holdout(), dir.resolve("holdout.csv"), "int_rate");
        ValidationReport report = validateAgainstTrain(data);
        assertThat(report.messages()).contains(
                "[validate - columns.missing]: FAILED - column 'int_rate' is missing from holdout.csv",
                "[validate - range]: PASSED - every number within its range");
        assertThat(report.driftOf("int_rate")).isNull();
        assertThat(report.driftOf("funded_amnt").status()).isEqualTo(GateStatus.PASSED);
    }

    // --- on the credit data with missing cells ---

    @Test
    void creditDataPassesItsInferredNullRates() {
        Path credit = TestCsv.resource("credit_data.csv");
        ContractSpec contract = ContractInferrer.infer(credit, ConfigLoader.parse("label: Status\n", "mlgate.yaml"));
        ValidationReport report = DataValidator.validate(credit, contract, null, "Status", true);
        assertThat(report.checks(CheckResult.NULLS)).extracting(CheckResult::status).containsOnly(GateStatus.PASSED);
    }

    @Test
    void aNonNullableContractFailsOnTheEmptyCellsOfCreditData() {
        Path credit = TestCsv.resource("credit_data.csv");
        ContractSpec inferred = ContractInferrer.infer(credit, ConfigLoader.parse("label: Status\n", "mlgate.yaml"));
        Map<String, ColumnSpec> columns = new LinkedHashMap<>(inferred.columns());
        ColumnSpec income = columns.get("Income");
        columns.put("Income", new ColumnSpec(income.type(), income.min(), income.max(), false, null, null, null, null));
        ValidationReport report = DataValidator.validate(credit, inferred.withColumns(columns), null, "Status", true);
        CheckResult nulls = report.checks(CheckResult.NULLS).get(0);
        assertThat(nulls.line()).isEqualTo(
                "[validate - nulls - Income]: FAILED - 381 empty cells but the column is not nullable, first at row 30");
        assertThat(nulls.worst()).extracting(Offender::row).containsExactly(30L, 114L, 144L, 153L, 158L);
        assertThat(nulls.worst().get(0).line()).isEqualTo(31);
        assertThat(report.status()).isEqualTo(GateStatus.FAILED);
    }
}
