package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendChartTest {
    @Test
    void drawsOneLinePerMetricAndOneDotPerBuild() {
        String svg = TrendChart.render(List.of(
                new TrendChart.Point(1, "PASSED", Map.of("auc", 0.80, "f1", 0.30)),
                new TrendChart.Point(2, "WARNING", Map.of("auc", 0.81, "f1", 0.28)),
                new TrendChart.Point(3, "FAILED", Map.of("auc", 0.78))));

        assertThat(svg).startsWith("<svg").endsWith("</svg>");
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        assertThat(svg.split("<circle", -1)).hasSize(4);
        assertThat(svg).contains("#d62728\"><title>#3 FAILED</title>");
    }

    @Test
    void saysSoWhenThereIsNothingYet() {
        assertThat(TrendChart.render(List.of())).contains("no gate results yet");
    }

    @Test
    void escapesMetricNames() {
        assertThat(TrendChart.render(List.of(new TrendChart.Point(1, "PASSED", Map.of("<b>", 1.0)))))
                .contains("&lt;b&gt;").doesNotContain("<b>");
    }

    @Test
    void pointsComeOldestFirst() {
        List<TrendChart.Point> newestFirst = List.of(new TrendChart.Point(3, "PASSED", Map.of()), new TrendChart.Point(2, "PASSED", Map.of()));
        assertThat(TrendChart.oldestFirst(newestFirst)).extracting(TrendChart.Point::build).containsExactly(2, 3);
    }
}
