package io.mlgate.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void plainDecimalsParseExactlyLikeJava() {
        for (String s : new String[] {"0", "-0", "13.99", "-7.25", "35000", "0.1", ".5", "1.", "+3", "1e-3", "2.5E+4",
                "123456789012345678901234", "0.000000000000000000000000123", "9007199254740993", " 42 "}) {
            assertThat(Cells.parse(s)).as(s).isEqualTo(Double.parseDouble(s.strip()));
        }
    }

    @Test
    void nonNumbersAreNaNWithoutExceptions() {
        for (String s : new String[] {"", " ", "abc", "NaN", "Infinity", "1.0f", "0x1p3", "1e", "-", ".", "1,5", "1.2.3", "12a"}) {
            assertThat(Cells.parse(s)).as(s).isNaN();
        }
    }

    @Test
    void integerLiteralsHaveNoPointOrExponent() {
        assertThat(Cells.isIntegerLiteral("16100")).isTrue();
        assertThat(Cells.isIntegerLiteral("-3")).isTrue();
        assertThat(Cells.isIntegerLiteral("3.0")).isFalse();
        assertThat(Cells.isIntegerLiteral("1e3")).isFalse();
    }

    @Test
    void intColumnsAcceptWholeNumbersWrittenAsFloats() {
        assertThat(Cells.isWhole(Cells.parse("3.0"))).isTrue();
        assertThat(Cells.isWhole(Cells.parse("3.5"))).isFalse();
    }

    @Test
    void booleansAreTrueFalseYesNoInAnyCase() {
        assertThat(Cells.bool("TRUE", false)).isEqualTo(1);
        assertThat(Cells.bool("no", false)).isZero();
        assertThat(Cells.bool("1", false)).isEqualTo(-1);
        assertThat(Cells.bool("1", true)).isEqualTo(1);
        assertThat(Cells.bool("maybe", true)).isEqualTo(-1);
    }

    @Test
    void onlyBlankCellsAreNull() {
        assertThat(Cells.isNull("")).isTrue();
        assertThat(Cells.isNull("  ")).isTrue();
        assertThat(Cells.isNull("NA")).isFalse();
        assertThat(Cells.isNull("None")).isFalse();
    }
}
