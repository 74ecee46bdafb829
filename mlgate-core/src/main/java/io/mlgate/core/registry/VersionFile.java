package io.mlgate.core.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code versions/<n>/version.json}: everything about one version except its aliases (which
 * move, while this file never changes after it is written).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record VersionFile(
        Integer format,
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
        String description) {

    /** Current layout. Format 1 files (the first one) must keep loading. */
    static final int FORMAT = 1;

    VersionFile {
        format = format == null ? 1 : format;
        files = Maps.sorted(files);
        metrics = Maps.ordered(metrics);
        gateMessages = Maps.list(gateMessages);
        tags = Maps.sorted(tags);
        lineage = lineage == null ? Lineage.unknown() : lineage;
    }

    ModelVersion toModelVersion(List<String> aliases) {
        return new ModelVersion(model, version, created, sha256, files, metrics, gateStatus, gateMessages, lineage, tags, aliases);
    }
}
