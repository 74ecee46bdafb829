package io.mlgate.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlgate.core.config.ColumnRole;
import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ColumnType;
import io.mlgate.core.config.ContractSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceProfileTest {
    @TempDir
    Path dir;

    static ColumnSpec column(ColumnType type) {
        return new ColumnSpec(type, null, null, null, null, null, null, null);
    }

    @Test
    void numericBinsAreCutAtTheReferenceDeciles() {
        StringBuilder csv = new StringBuilder("x");
        for (int i = 1; i <= 100; i++) {
            csv.append('\n').append(i);
        }
        Path file = TestCsv.write(dir.resolve("x.csv"), csv.toString());
        ContractSpec contract = ContractSpec.empty().withColumns(Map.of("x", column(ColumnType.INT)));
        FeatureProfile x = ReferenceProfile.compute(file, contract, null).features().get("x");
        assertThat(x.edges()).containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90);
        assertThat(x.shares()).hasSize(10).containsOnly(0.1);
        assertThat(x.binLabels()).startsWith("<= 10", "(10, 20]").endsWith("> 90");
    }

    @Test
    void discreteColumnsGetDedupedEdges() {
        StringBuilder csv = new StringBuilder("flag");
        for (int i = 0; i < 100; i++) {
            csv.append('\n').append(i < 70 ? 0 : 1);
        }
        Path file = TestCsv.write(dir.resolve("flag.csv"), csv.toString());
        ContractSpec contract = ContractSpec.empty().withColumns(Map.of("flag", column(ColumnType.INT)));
        FeatureProfile flag = ReferenceProfile.compute(file, contract, null).features().get("flag");
        assertThat(flag.edges()).containsExactly(0, 1);
        assertThat(flag.shares()).containsExactly(0.7, 0.3, 0.0);
    }

    @Test
    void categoriesGetSharesAndAnOtherBucket() {
        Path file = TestCsv.write(dir.resolve("c.csv"), "term,Class", "a,good", "a,good", "b,bad", ",good");
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put("term", column(ColumnType.CATEGORY));
        columns.put("Class", new ColumnSpec(ColumnType.CATEGORY, null, null, null, null, null, null, ColumnRole.LABEL));
        ReferenceProfile profile = ReferenceProfile.compute(file, ContractSpec.empty().withColumns(columns), "Class");
        FeatureProfile term = profile.features().get("term");
        assertThat(term.categories()).containsExactly("a", "b");
        assertThat(term.shares()[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(term.shares()[2]).isZero();
        assertThat(term.binLabels()).containsExactly("a", "b", "(other)");
        assertThat(term.categoryBucket("zzz")).isEqualTo(2);
        assertThat(profile.features()).as("the label is not a drift feature").doesNotContainKey("Class");
    }

    @Test
    void roundTripsThroughJson() {
        ContractSpec contract = ContractInferrerTest.lendingClub();
        ReferenceProfile profile = ReferenceProfile.compute(TestCsv.resource("lending_club.csv"), contract, "Class");
        String json = profile.toJson();
        assertThat(json).contains("\"features\"", "\"int_rate\"", "\"edges\"");
        assertThat(ReferenceProfile.fromJson(json)).isEqualTo(profile);
        assertThat(profile.features()).containsKeys("int_rate", "term", "addr_state").doesNotContainKey("Class");
        assertThat(profile.rows()).isEqualTo(9857);
    }

    @Test
    void aCorruptProfileIsADataException() {
        assertThatThrownBy(() -> ReferenceProfile.fromJson("{\"version\":1,\"source\":\"t.csv\",\"rows\":3,\"bins\":10,"
                + "\"features\":{\"x\":{\"kind\":\"numeric\",\"count\":3,\"edges\":[1.0],\"shares\":[1.0]}}}"))
                .isInstanceOf(DataException.class).hasMessageContaining("needs 2 shares but has 1");
    }

    @Test
    void quantileEdgesOfAnEmptySampleAreEmpty() {
        assertThat(ReferenceProfile.quantileEdges(new double[0], 10)).isEmpty();
        assertThat(List.of(ReferenceProfile.quantileEdges(new double[] {5, 5, 5}, 10).length)).containsExactly(1);
    }
}
