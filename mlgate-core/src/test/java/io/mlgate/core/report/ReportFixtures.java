package io.mlgate.core.report;

import io.mlgate.core.config.Baseline;
import io.mlgate.core.config.GateSpec;
import io.mlgate.core.config.NoBaselinePolicy;
import io.mlgate.core.evaluate.Predictions;
import io.mlgate.core.gate.GateEvaluator;
import io.mlgate.core.gate.GateReport;
import java.util.List;

/** A gate report with one result of each status. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static Predictions model(double... scores) {
        String[] actual = {"good", "good", "bad", "bad"};
        String[] predicted = new String[4];
        for (int i = 0; i < 4; i++) {
            predicted[i] = scores[i] >= 0.5 ? "bad" : "good";
        }
        return Predictions.classification("bad", 0.5, actual, predicted, scores);
    }

    /** PASSED absolute auc, FAILED champion auc, WARNING absolute f1, INACTIVE f1 on a tiny slice. */
    static GateReport mixed() {
        Predictions candidate = model(0.1, 0.4, 0.35, 0.8); // auc 0.75, f1 0.667
        Predictions champion = model(0.1, 0.2, 0.6, 0.8);   // auc 1.0
        List<GateSpec> gates = List.of(
                new GateSpec("auc", null, 0.7, null, null, null, null, null, null, null, null),
                new GateSpec("auc", Baseline.CHAMPION, null, -0.005, null, null, null, null, null, null, null),
                new GateSpec("f1", null, 0.9, null, null, null, null, io.mlgate.core.config.Criticality.WARNING, null, null, null),
                new GateSpec("f1", null, 0.5, null, null, null, null, null, null, new io.mlgate.core.config.SliceSpec("grade", 30), null));
        return GateEvaluator.evaluate(gates, NoBaselinePolicy.PASS_WITH_NOTE, candidate, champion, "7",
                java.util.Map.of("grade", new String[] {"A", "A", "A", "A"}));
    }
}
