package io.mlgate.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ColumnType;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.Task;
import io.mlgate.core.config.TrainSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte parser reads what FastCSV reads, or hands the file back; never a different table. */
class CsvBytesTest {
    @TempDir
    Path dir;

    private static FeatureEncoder plan() {
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put("x", new ColumnSpec(ColumnType.FLOAT, null, null, true, null, null, "mean", null));
        cols.put("c", new ColumnSpec(ColumnType.CATEGORY, null, null, true, null, null, "mode", null));
        return FeatureEncoder.plan(ContractSpec.empty().withColumns(cols), TrainSpec.defaults(), "y", Task.CLASSIFICATION, List.of(), Map.of());
    }

    private Path file(String text) throws IOException {
        Path f = dir.resolve("d.csv");
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** Asserts both parsers give the same table; returns whether the byte parser read it itself. */
    private static boolean same(Path f) {
        RawTable fast = CsvBytes.read(f, plan(), "y", Task.CLASSIFICATION, true);
        RawTable ref = DatasetLoader.readWithCsvSource(f, plan(), "y", Task.CLASSIFICATION, true);
        RawTable read = DatasetLoader.read(f, plan(), "y", Task.CLASSIFICATION, true);
        for (RawTable t : fast == null ? List.of(read) : List.of(fast, read)) {
            assertThat(t.rows()).isEqualTo(ref.rows());
            assertThat(Arrays.equals(t.values(0), ref.values(0))).isTrue();
            assertThat(t.codes(1)).isEqualTo(ref.codes(1));
            assertThat(t.dictionary(1)).isEqualTo(ref.dictionary(1));
            assertThat(t.labels()).isEqualTo(ref.labels());
        }
        return fast != null;
    }

    @Test
    void quotedFieldsCrlfEmptyLinesBlanksAndAMissingFinalNewlineAreReadByTheByteParser() throws IOException {
        assertThat(same(file("\uFEFF\"x\",\"c\",\"y\"\r\n1.5,\"a,b\",good\r\n\r\n,  ,bad\r\n-2e3, a ,\"good\"\r\n 7 ,a,bad"))).isTrue();
    }

    @Test
    void numbersBeyondTheExactFastPathAreParsedAsJavaParsesThem() throws IOException {
        assertThat(same(file("x,c,y\n0.1000000000000000055511151231257827,a,g\n1e300,a,g\n123456789012345678901,a,g\n-0,a,g\n.5,a,g\n5.,a,g\n1d,a,g\n"))).isTrue();
    }

    @Test
    void anEscapedQuoteOrALineBreakInsideQuotesIsLeftToFastCsv() throws IOException {
        assertThat(same(file("x,c,y\n1,\"say \"\"hi\"\"\",good\n"))).isFalse();
        assertThat(same(file("x,c,y\n1,\"two\nlines\",good\n2,a,bad\n"))).isFalse();
    }

    @Test
    void aWrongFieldCountGetsFastCsvsMessage() throws IOException {
        Path f = file("x,c,y\n1,a,good\n2,b\n");

        assertThat(CsvBytes.read(f, plan(), "y", Task.CLASSIFICATION, true)).isNull();
        assertThatThrownBy(() -> DatasetLoader.read(f, plan(), "y", Task.CLASSIFICATION, true))
                .hasMessage(f + ":3: expected 3 fields as in the header but found 2; check for a missing or extra separator or an unquoted comma");
    }

    @Test
    void aCellThatIsNotANumberGetsTheReferenceMessage() throws IOException {
        Path f = file("x,c,y\n1,a,good\n2x,b,bad\n");

        assertThatThrownBy(() -> DatasetLoader.read(f, plan(), "y", Task.CLASSIFICATION, true))
                .hasMessageStartingWith(f + ":3: column 'x' has '2x', which is not a number");
    }
}
