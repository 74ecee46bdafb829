package io.mlgate.core.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <model>/index.json}: a summary of the versions and the authoritative alias table.
 * Rewritten atomically under the model lock; the version directories remain the truth about
 * which versions exist, so a lost index is rebuilt from them (aliases from the history).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record IndexFile(Integer format, String model, List<Entry> versions, Map<String, String> aliases) {

    static final int FORMAT = 1;

    IndexFile {
        format = format == null ? 1 : format;
        versions = versions == null ? List.of()
                : versions.stream().sorted(Comparator.comparingLong(e -> FileModelRegistry.versionNumber(e.version()))).toList();
        aliases = Maps.sorted(aliases);
    }

    static IndexFile empty(String model) {
        return new IndexFile(FORMAT, model, List.of(), Map.of());
    }

    /** Summary of one version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(
            String version,
            @JsonSerialize(using = ToStringSerializer.class) @JsonDeserialize(using = InstantText.class) Instant created,
            String sha256,
            String gateStatus) {

        static Entry of(VersionFile file) {
            return new Entry(file.version(), file.created(), file.sha256(), file.gateStatus());
        }
    }

    IndexFile withVersion(Entry entry) {
        List<Entry> all = new ArrayList<>(versions.stream().filter(e -> !e.version().equals(entry.version())).toList());
        all.add(entry);
        return new IndexFile(FORMAT, model, all, aliases);
    }

    IndexFile withAlias(String alias, String version) {
        Map<String, String> all = new LinkedHashMap<>(aliases);
        if (version == null) {
            all.remove(alias);
        } else {
            all.put(alias, version);
        }
        return new IndexFile(FORMAT, model, versions, all);
    }

    List<String> aliasesOf(String version) {
        return aliases.entrySet().stream().filter(e -> e.getValue().equals(version)).map(Map.Entry::getKey).sorted().toList();
    }
}
