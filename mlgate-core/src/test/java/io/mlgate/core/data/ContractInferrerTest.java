package io.mlgate.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.ColumnRole;
import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ColumnType;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.config.Severity;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractInferrerTest {
    @TempDir
    Path dir;

    static PipelineConfig config(String yaml) {
        return ConfigLoader.parse(yaml, "mlgate.yaml");
    }

    static ContractSpec lendingClub() {
        return ContractInferrer.infer(TestCsv.resource("lending_club.csv"), config("label: Class\n"));
    }

    @Test
    void infersTheTypesOfTheLendingClubColumns() {
        Map<String, ColumnSpec> columns = lendingClub().columns();
        assertThat(columns).hasSize(23);
        assertThat(columns.get("funded_amnt").type()).isEqualTo(ColumnType.INT);
        assertThat(columns.get("int_rate").type()).isEqualTo(ColumnType.FLOAT);
        assertThat(columns.get("term").type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(columns.get("term").values()).containsExactly("term_36", "term_60");
        assertThat(columns.get("addr_state").type()).isEqualTo(ColumnType.CATEGORY);
    }

    @Test
    void theLabelColumnGetsRoleLabel() {
        ColumnSpec label = lendingClub().columns().get("Class");
        assertThat(label.role()).isEqualTo(ColumnRole.LABEL);
        assertThat(label.type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(label.values()).containsExactly("bad", "good");
    }

    @Test
    void numericRangesAreTheObservedRangeWidenedByItsSpanWithoutCrossingZero() {
        // int_rate observed 5.32..28.99: margin 23.67, min clamps at 0, max 52.66 rounds up to 53
        ColumnSpec rate = lendingClub().columns().get("int_rate");
        assertThat(rate.min()).isEqualTo(0.0);
        assertThat(rate.max()).isEqualTo(53.0);
        // funded_amnt observed 1000..40000: max 79000 stays on the thousands
        ColumnSpec funded = lendingClub().columns().get("funded_amnt");
        assertThat(funded.min()).isEqualTo(0.0);
        assertThat(funded.max()).isEqualTo(79000.0);
    }

    @Test
    void fenceWidensNegativeRangesAndRoundsIntColumnsToWholeNumbers() {
        assertThat(ContractInferrer.fence(-10, 10, true)).containsExactly(-30, 30);
        assertThat(ContractInferrer.fence(-5, -1, false)).containsExactly(-9, 0);
        assertThat(ContractInferrer.fence(3, 3, true)).containsExactly(1, 5);
    }

    @Test
    void columnsWithoutEmptyCellsAreNotNullable() {
        assertThat(lendingClub().columns().values()).allSatisfy(c -> assertThat(c.isNullable()).isFalse());
    }

    @Test
    void emptyCellsOfCreditDataMakeColumnsNullableWithARoundedUpRate() {
        ContractSpec contract = ContractInferrer.infer(TestCsv.resource("credit_data.csv"), config("label: Status\n"));
        ColumnSpec income = contract.columns().get("Income");
        assertThat(income.isNullable()).isTrue();
        // 381 of 4454 rows empty (8.55%) -> 8.55% x 1.25 + 0.5% = 11.2% -> 12%
        assertThat(income.maxNullRate()).isEqualTo(0.12);
        assertThat(income.impute()).isEqualTo("median");
        assertThat(contract.columns().get("Home").impute()).isEqualTo("mode");
        assertThat(contract.columns().get("Age").isNullable()).isFalse();
    }

    @Test
    void maxNullRateLeavesRoomForSamplingNoise() {
        assertThat(ContractInferrer.maxNullRate(0.0013)).isEqualTo(0.01);
        assertThat(ContractInferrer.maxNullRate(0.1)).isEqualTo(0.13);
        assertThat(ContractInferrer.maxNullRate(0.9)).isEqualTo(1.0);
    }

    @Test
    void keyColumnsBecomeIdsWithoutRangeOrDomain() {
        Path csv = TestCsv.write(dir.resolve("ids.csv"), "loan_id,amount", "a1,10", "a2,20", "a3,30");
        ContractSpec contract = ContractInferrer.infer(csv, config("label: amount\ncontract:\n  key: [loan_id]\n"));
        ColumnSpec id = contract.columns().get("loan_id");
        assertThat(id.role()).isEqualTo(ColumnRole.ID);
        assertThat(id.type()).isEqualTo(ColumnType.STRING);
        assertThat(id.values()).isNull();
    }

    @Test
    void boolsManyDistinctTextsAndEmptyColumnsAreRecognised() {
        StringBuilder rows = new StringBuilder("flag,name,nothing,mixed\n");
        for (int i = 0; i < 200; i++) {
            rows.append(i % 2 == 0 ? "yes" : "No").append(",name").append(i).append(",,").append(i < 100 ? i : "n/a").append('\n');
        }
        Path csv = TestCsv.write(dir.resolve("kinds.csv"), rows.toString().strip());
        Map<String, ColumnSpec> columns = ContractInferrer.infer(csv, config("label: flag\n")).columns();
        assertThat(columns.get("flag").type()).isEqualTo(ColumnType.BOOL);
        assertThat(columns.get("name").type()).isEqualTo(ColumnType.STRING);
        assertThat(columns.get("nothing").type()).isEqualTo(ColumnType.STRING);
        assertThat(columns.get("nothing").maxNullRate()).isEqualTo(1.0);
        assertThat(columns.get("mixed").type()).isEqualTo(ColumnType.STRING);
    }

    @Test
    void contractSettingsOtherThanColumnsComeFromTheConfig() {
        ContractSpec contract = ContractInferrer.infer(TestCsv.resource("lending_club.csv"), config(
                "label: Class\ncontract:\n  file: c.yaml\n  unexpected_columns: warn\n  min_rows: 100\n  drift: {psi_warn: 0.2}\n"));
        assertThat(contract.file()).isEqualTo("c.yaml");
        assertThat(contract.unexpectedColumns()).isEqualTo(Severity.WARN);
        assertThat(contract.minRows()).isEqualTo(100);
        assertThat(contract.drift().psiWarn()).isEqualTo(0.2);
    }
}
