package io.mlgate.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.DriftSpec;
import io.mlgate.core.config.RetrainSpec;
import io.mlgate.core.evaluate.MetricSet;
import io.mlgate.core.gate.GateStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pinned one-line verdicts of the retraining triggers. */
class RetrainTriggersTest {
    private static final Instant TRAINED = Instant.parse("2026-03-01T09:00:00Z");
    private static final DriftSpec CONTRACT = DriftSpec.defaults();

    private static ServingSignals drift(long rows, Map<String, Double> psi) {
        return new ServingSignals("http://127.0.0.1:8080/metrics", "since the version was loaded", null, rows, psi, Map.of(),
                Map.of("bad", 100.0, "good", 1900.0), List.of(), 2000, 0, 0.004);
    }

    private static Evidence evidence(ServingSignals signals, MetricSet live, long labelled, Instant now) {
        return new Evidence("3", signals, new PredictionProfile(Map.of("bad", 0.05, "good", 0.95), null), live, labelled,
                Map.of("auc", 0.72), live == null ? null : labelled, TRAINED, "3", now, null);
    }

    private static MetricSet auc(double value) {
        return new MetricSet(Map.of("auc", value), null, null, null, 800);
    }

    @Test
    void driftAboveFailNamesTheFeaturesWorstFirst() {
        Map<String, Double> psi = new LinkedHashMap<>();
        psi.put("annual_inc", 0.33);
        psi.put("funded_amnt", 0.02);
        psi.put("int_rate", 0.41);

        TriggerResult r = RetrainEvaluator.drift(RetrainSpec.Drift.defaults(), CONTRACT, evidence(drift(2000, psi), null, 0, TRAINED));

        assertThat(r.message()).isEqualTo("[retrain - drift]: FAILED - drift on int_rate (PSI 0.4100 >= 0.25), "
                + "annual_inc (PSI 0.3300 >= 0.25) over 2,000 rows");
        assertThat(r.reason()).isEqualTo("drift on int_rate, annual_inc");
    }

    @Test
    void driftBelowFailPassesWithTheHighestPsi() {
        TriggerResult r = RetrainEvaluator.drift(RetrainSpec.Drift.defaults(), CONTRACT,
                evidence(drift(1971, Map.of("int_rate", 0.0213)), null, 0, TRAINED));

        assertThat(r.message()).isEqualTo("[retrain - drift]: PASSED - no feature drifted (highest PSI 0.0213 on int_rate < 0.25) over 1,971 rows");
    }

    @Test
    void driftGivesNoVerdictBelowMinRows() {
        TriggerResult r = RetrainEvaluator.drift(RetrainSpec.Drift.defaults(), CONTRACT,
                evidence(drift(450, Map.of("int_rate", 0.9)), null, 0, TRAINED));

        assertThat(r.status()).isEqualTo(GateStatus.INACTIVE);
        assertThat(r.message()).isEqualTo("[retrain - drift]: INACTIVE - 450 rows in the drift window, fewer than min_rows 1,000");
    }

    @Test
    void liveMetricBelowTheFloorFires() {
        RetrainSpec.LiveMetric spec = new RetrainSpec.LiveMetric("auc", 0.65, null, null, 500);

        TriggerResult r = RetrainEvaluator.liveMetric(spec, evidence(null, auc(0.61), 800, TRAINED));

        assertThat(r.message()).isEqualTo("[retrain - live auc]: FAILED - live auc 0.6100 < floor 0.65 over 800 labelled rows");
        assertThat(r.reason()).isEqualTo("live auc 0.6100 < floor 0.65");
        assertThat(r.trigger()).isEqualTo("live-auc");
    }

    @Test
    void liveMetricWorseThanAtRegistrationByMoreThanDeltaFires() {
        RetrainSpec.LiveMetric spec = new RetrainSpec.LiveMetric("auc", 0.6, -0.05, null, 500);

        TriggerResult r = RetrainEvaluator.liveMetric(spec, evidence(null, auc(0.64), 800, TRAINED));

        assertThat(r.message()).isEqualTo("[retrain - live auc]: FAILED - live auc 0.6400 >= floor 0.6, at registration 0.7200, "
                + "delta -0.0800 < -0.05 over 800 labelled rows");
    }

    @Test
    void liveMetricNeedsMinLabelledRows() {
        RetrainSpec.LiveMetric spec = new RetrainSpec.LiveMetric("auc", 0.65, null, null, 500);

        TriggerResult r = RetrainEvaluator.liveMetric(spec, evidence(null, auc(0.2), 120, TRAINED));

        assertThat(r.message()).isEqualTo("[retrain - live auc]: INACTIVE - 120 labelled rows of version 3, fewer than min_rows 500");
    }

    @Test
    void scheduleFiresOnTime() {
        RetrainSpec.Schedule weekly = new RetrainSpec.Schedule("7d");

        TriggerResult early = RetrainEvaluator.schedule(weekly, evidence(null, null, 0, TRAINED.plus(Duration.ofDays(7)).minusSeconds(60)));
        TriggerResult due = RetrainEvaluator.schedule(weekly, evidence(null, null, 0, TRAINED.plus(Duration.ofDays(7))));

        assertThat(early.message()).isEqualTo("[retrain - schedule]: PASSED - last training 6d 23h ago (version 3 registered "
                + "2026-03-01T09:00:00Z), next due in 1m (every 7d)");
        assertThat(due.message()).isEqualTo("[retrain - schedule]: FAILED - last training 7d 0h ago (version 3 registered "
                + "2026-03-01T09:00:00Z), every 7d");
        assertThat(due.reason()).isEqualTo("schedule every 7d (last training 7d 0h ago)");
    }

    @Test
    void enoughNewLabelledRowsFire() {
        TriggerResult r = RetrainEvaluator.newData(new RetrainSpec.NewData(500), evidence(null, auc(0.7), 800, TRAINED));

        assertThat(r.message()).isEqualTo("[retrain - new data]: FAILED - 800 new labelled rows since version 3 was registered (>= 500)");
    }

    @Test
    void predictionShiftComparesClassSharesWithTheHoldout() {
        ServingSignals shifted = new ServingSignals("s", "since the version was loaded", null, 2000L, Map.of(), Map.of(),
                Map.of("bad", 600.0, "good", 1400.0), List.of(), 2000, 0, null);

        TriggerResult r = RetrainEvaluator.predictionShift(RetrainSpec.PredictionShift.defaults(), evidence(shifted, null, 0, TRAINED));

        assertThat(r.message()).isEqualTo("[retrain - prediction shift]: FAILED - predicted class shares moved (PSI 0.5243 >= 0.25) "
                + "over 2,000 predictions: bad 5.0% -> 30.0%, good 95.0% -> 70.0%");
    }

    @Test
    void onDemandFiresWithoutEvidence() {
        Evidence e = new Evidence(null, null, null, null, 0, null, null, null, null, TRAINED, "MLGATE_RETRAIN=true");

        List<TriggerResult> results = RetrainEvaluator.evaluate(RetrainSpec.defaults(), CONTRACT, e);

        assertThat(results).extracting(TriggerResult::message).containsExactly(
                "[retrain - drift]: INACTIVE - no serving signals (pass --server URL or --prometheus URL)",
                "[retrain - prediction shift]: INACTIVE - no serving signals (pass --server URL or --prometheus URL)",
                "[retrain - on demand]: FAILED - requested with MLGATE_RETRAIN=true");
    }

    @Test
    void onDemandIsReadFromTheEnvironment() {
        assertThat(Monitor.onDemand(false, Map.of("MLGATE_RETRAIN", "true"))).isEqualTo("MLGATE_RETRAIN=true");
        assertThat(Monitor.onDemand(false, Map.of("MLGATE_RETRAIN", "false"))).isNull();
        assertThat(Monitor.onDemand(true, Map.of())).isEqualTo("--force");
    }
}
