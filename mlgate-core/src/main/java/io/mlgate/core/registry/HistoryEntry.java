package io.mlgate.core.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Map;

/**
 * One line of a model's append-only history: who did what to which version, when and why.
 * The shape is deliberately general so the deployment ledger (deploy, rollback) and approvals
 * share it with registry actions; action-specific facts go into {@code details}.
 *
 * @param at              when it happened (UTC)
 * @param model           the model name
 * @param action          one of the {@code ACTION_*} constants, or another lower-case word
 * @param version         the version acted on (the new alias target for promote)
 * @param alias           the alias or environment involved, if any
 * @param previousVersion what the alias pointed to before, if anything
 * @param actor           who did it (CI user or OS user)
 * @param reason          why, in the actor's words
 * @param details         further facts: {@code approval.*}, {@code ci_job_url}, {@code note}, ...
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HistoryEntry(
        @JsonSerialize(using = ToStringSerializer.class) @JsonDeserialize(using = InstantText.class) Instant at,
        String model,
        String action,
        String version,
        String alias,
        String previousVersion,
        String actor,
        String reason,
        Map<String, String> details) {

    public static final String ACTION_REGISTER = "register";
    public static final String ACTION_PROMOTE = "promote";
    public static final String ACTION_DEMOTE = "demote";
    public static final String ACTION_DEPLOY = "deploy";
    public static final String ACTION_ROLLBACK = "rollback";
    public static final String ACTION_APPROVE = "approve";
    public static final String ACTION_REJECT = "reject";
    /** The registry rebuilt a missing or unreadable index from the version directories. */
    public static final String ACTION_REPAIR = "repair";

    public HistoryEntry {
        details = Maps.sorted(details);
    }
}
