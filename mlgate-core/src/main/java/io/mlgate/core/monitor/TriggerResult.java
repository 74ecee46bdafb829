package io.mlgate.core.monitor;

import io.mlgate.core.gate.GateStatus;

/**
 * The verdict of one retraining trigger. FAILED means the trigger fired (retrain); PASSED means
 * it was checked on enough evidence and did not fire; INACTIVE means there was not enough
 * evidence to say; WARNING means its signals could not be read.
 *
 * @param trigger the trigger's id: drift, prediction-shift, live-auc (live-&lt;metric&gt;), new-data, schedule, on-demand
 * @param status  the verdict
 * @param message the pinned one-line message, e.g.
 *                {@code [retrain - live auc]: FAILED - live auc 0.6100 < floor 0.65 over 800 labelled rows}
 * @param reason  when FAILED, the short reason for RETRAIN_REASON and the history, e.g. {@code drift on int_rate, annual_inc}
 */
public record TriggerResult(String trigger, GateStatus status, String message, String reason) {

    public boolean fired() {
        return status == GateStatus.FAILED;
    }

    static TriggerResult of(String trigger, String label, GateStatus status, String detail, String reason) {
        return new TriggerResult(trigger, status, "[retrain - " + label + "]: " + status + " - " + detail,
                status == GateStatus.FAILED ? reason : null);
    }
}
