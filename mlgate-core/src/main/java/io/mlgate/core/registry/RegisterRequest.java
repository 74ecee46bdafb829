package io.mlgate.core.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to register as a new model version.
 *
 * @param model        model name, {@code [a-z0-9][a-z0-9._-]{0,63}}
 * @param artifactDir  directory whose files (recursively) become the version's files;
 *                     conventionally holds {@code model.tribuo}
 * @param metrics      holdout metrics by name
 * @param gateStatus   the gate verdict ({@code GateStatus} name), null when not gated
 * @param gateMessages the pinned gate messages
 * @param lineage      where the model came from; null detects what the environment tells
 * @param tags         free-form labels
 * @param description  why this version exists; recorded in version.json and as the reason
 *                     of the register history entry
 */
public record RegisterRequest(
        String model,
        Path artifactDir,
        Map<String, Double> metrics,
        String gateStatus,
        List<String> gateMessages,
        Lineage lineage,
        Map<String, String> tags,
        String description) {

    public RegisterRequest {
        metrics = Maps.ordered(metrics);
        gateMessages = Maps.list(gateMessages);
        tags = Maps.sorted(tags);
    }
}
