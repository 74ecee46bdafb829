package io.mlgate.core.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One immutable registered model version, with the aliases that point at it right now.
 *
 * @param model        the model name
 * @param version      version id as the backend spells it ("1", "2", ... for the file
 *                     registry; SemVer on GitLab)
 * @param created      registration time (UTC)
 * @param sha256       sha256 of {@code model.tribuo} when the version has one, otherwise of
 *                     the file manifest (see {@link #MODEL_FILE})
 * @param files        relative file name ('/'-separated) to its sha256
 * @param metrics      holdout metrics by name
 * @param gateStatus   the gate verdict, null when not gated
 * @param gateMessages the pinned gate messages
 * @param lineage      where the model came from
 * @param tags         free-form labels
 * @param aliases      aliases pointing at this version now (sorted)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersion(
        String model,
        String version,
        @JsonSerialize(using = ToStringSerializer.class) @JsonDeserialize(using = InstantText.class) Instant created,
        String sha256,
        Map<String, String> files,
        Map<String, Double> metrics,
        String gateStatus,
        List<String> gateMessages,
        Lineage lineage,
        Map<String, String> tags,
        List<String> aliases) {

    /** The conventional model file name whose digest is the version digest. */
    public static final String MODEL_FILE = "model.tribuo";

    public ModelVersion {
        files = Maps.sorted(files);
        metrics = Maps.ordered(metrics);
        gateMessages = Maps.list(gateMessages);
        tags = Maps.sorted(tags);
        aliases = aliases == null ? List.of() : Maps.list(aliases).stream().sorted().toList();
    }

    /** Whether {@code alias} points at this version. */
    public boolean hasAlias(String alias) {
        return aliases.contains(alias);
    }
}
