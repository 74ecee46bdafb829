package io.mlgate.core.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The model registry SPI: immutable versions, aliases moved only by an audited
 * {@link #promote}, and an append-only history. Backends: the filesystem
 * ({@link FileModelRegistry}, the default) and, later, MLflow's REST API (including GitLab's
 * MLflow-compatible registry). Version ids are strings because backends spell them
 * differently. Open one with {@link Registries#open}.
 *
 * <p>Aliases: {@link #CANDIDATE}, {@link #STAGING} and {@link #PRODUCTION} are the standard
 * ones; any other name matching {@link #ALIAS_PATTERN} (e.g. {@code shadow}, {@code eu-prod})
 * is accepted as a custom alias.
 */
public interface ModelRegistry {

    String CANDIDATE = "candidate";
    String STAGING = "staging";
    String PRODUCTION = "production";
    /** The aliases mlgate itself moves. */
    Set<String> STANDARD_ALIASES = Set.of(CANDIDATE, STAGING, PRODUCTION);
    /** Valid alias names: standard or custom. */
    Pattern ALIAS_PATTERN = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    /** Registers a new immutable version from the request's artifact directory. */
    ModelVersion register(RegisterRequest request);

    /** The version, or empty when the model or the version does not exist. */
    Optional<ModelVersion> version(String model, String version);

    /** The version an alias points at, or empty when the alias is unset. */
    Optional<ModelVersion> alias(String model, String alias);

    /** All versions of a model, oldest first; empty for an unknown model. */
    List<ModelVersion> versions(String model);

    /** Names of all models, sorted. */
    List<String> models();

    /**
     * Points {@code alias} at {@code version}. Moving an alias to the version it already has is
     * a no-op ({@link AliasChange#changed()} false, a note in the entry), not an error.
     *
     * @param reason   why; required
     * @param actor    who; null detects the CI or OS user
     * @param approval who approved and how (e.g. {@code approver}, {@code ticket}); may be null
     * @throws RegistryException for an unknown version (listing the existing ones), an invalid
     *                           alias or a blank reason
     */
    AliasChange promote(String model, String version, String alias, String reason, String actor, Map<String, String> approval);

    /**
     * Removes an alias (e.g. takes a bad model out of production without naming a successor).
     * Removing an unset alias is a no-op.
     */
    AliasChange demote(String model, String alias, String reason, String actor);

    /** The model's history, oldest first; empty for an unknown model. */
    List<HistoryEntry> history(String model);

    /**
     * Appends an entry (deploy, rollback, approval, ...) to the model's history. A null
     * {@code at} is set to now, a null actor to the detected user.
     */
    void appendHistory(HistoryEntry entry);

    /**
     * A local directory holding the version's files, checked against their recorded sha256
     * (the champion is loaded from here for gating). Treat it as read-only.
     *
     * @throws RegistryException for an unknown version or files changed after registration
     */
    Path modelDirectory(String model, String version);

    /**
     * Which version {@code alias} pointed at, at time {@code at}, replayed from the history
     * (promote, demote, deploy and rollback entries that name the alias). Answers "what was in
     * production when".
     */
    default Optional<String> aliasAt(String model, String alias, Instant at) {
        String current = null;
        for (HistoryEntry entry : history(model)) {
            if (entry.at() == null || entry.action() == null || entry.at().isAfter(at) || !alias.equals(entry.alias())) {
                continue;
            }
            switch (entry.action()) {
                case HistoryEntry.ACTION_PROMOTE, HistoryEntry.ACTION_DEPLOY, HistoryEntry.ACTION_ROLLBACK -> current = entry.version();
                case HistoryEntry.ACTION_DEMOTE -> current = null;
                default -> {
                    // other actions do not move aliases
                }
            }
        }
        return Optional.ofNullable(current);
    }
}
