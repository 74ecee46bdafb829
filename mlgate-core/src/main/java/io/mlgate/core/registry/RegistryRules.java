package io.mlgate.core.registry;

import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.util.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules every {@link ModelRegistry} implementation applies, with their messages: name and
 * alias checks, registration and alias-move checks, the version digest, the actor, and the
 * history entries of register, promote and demote (and the best-effort removal of staging
 * directories). Kept in one place so the file registry and the MLflow registry cannot drift
 * apart in what they accept, record or say.
 */
public final class RegistryRules {

    private RegistryRules() {
    }

    // ---------------------------------------------------------------- checks

    /** The model name, or a {@link RegistryException} naming the valid pattern. */
    public static String checkModel(String model) {
        if (model == null || !PipelineConfig.MODEL_NAME.matcher(model).matches()) {
            throw new RegistryException("Model name '" + model + "' is not valid: use lower-case letters, digits, '.', '_' and '-' "
                    + "(pattern " + PipelineConfig.MODEL_NAME.pattern() + "), e.g. credit-risk");
        }
        return model;
    }

    /** Accepts the standard aliases and custom names matching {@link ModelRegistry#ALIAS_PATTERN}. */
    public static void checkAlias(String alias) {
        if (alias == null || !ModelRegistry.ALIAS_PATTERN.matcher(alias).matches()) {
            throw new RegistryException("Alias '" + alias + "' is not valid: use "
                    + String.join(", ", List.of(ModelRegistry.CANDIDATE, ModelRegistry.STAGING, ModelRegistry.PRODUCTION))
                    + " or a custom lower-case name matching " + ModelRegistry.ALIAS_PATTERN.pattern());
        }
    }

    /** The checked model name of a registration request. */
    public static String checkRequest(RegisterRequest request) {
        if (request == null) {
            throw new RegistryException("register needs a request naming the model and the artifact directory");
        }
        return checkModel(request.model());
    }

    /** The artifact directory must exist. */
    public static void checkArtifactDir(String model, Path artifactDir) {
        if (artifactDir == null || !Files.isDirectory(artifactDir)) {
            throw new RegistryException("Cannot register " + model + ": artifact directory " + artifactDir
                    + " does not exist; pass the directory the trainer wrote (holding " + ModelVersion.MODEL_FILE + ")");
        }
    }

    /** Metrics must be finite: JSON has no NaN or infinity, and a stored "NaN" string would not read back as a number. */
    public static void checkMetrics(String model, Map<String, Double> metrics) {
        List<String> bad = metrics.entrySet().stream().filter(e -> !Double.isFinite(e.getValue()))
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        if (!bad.isEmpty()) {
            throw new RegistryException("Cannot register " + model + ": metrics must be finite numbers, got " + String.join(", ", bad)
                    + "; leave an undefined metric out (and say why in the gate messages)");
        }
    }

    /** Model, alias and a reason for moving {@code alias} to {@code version}. */
    public static void checkPromote(String model, String version, String alias, String reason) {
        checkModel(model);
        checkAlias(alias);
        if (reason == null || reason.isBlank()) {
            throw new RegistryException("Moving " + alias + " of " + model + " to version " + version
                    + " needs a reason (why this version goes to " + alias + "); aliases move only with an audited reason");
        }
    }

    /** Model, alias and a reason for removing {@code alias}. */
    public static void checkDemote(String model, String alias, String reason) {
        checkModel(model);
        checkAlias(alias);
        if (reason == null || reason.isBlank()) {
            throw new RegistryException("Removing " + alias + " of " + model + " needs a reason; aliases move only with an audited reason");
        }
    }

    /** An entry for {@code appendHistory} needs a valid model and a lower-case action word; returns the model. */
    public static String checkHistoryEntry(HistoryEntry entry) {
        if (entry == null) {
            throw new RegistryException("appendHistory needs an entry");
        }
        String model = checkModel(entry.model());
        if (entry.action() == null || !ModelRegistry.ALIAS_PATTERN.matcher(entry.action()).matches()) {
            throw new RegistryException("History entry for " + model + " has action '" + entry.action()
                    + "'; use a lower-case word such as deploy, rollback, approve or reject");
        }
        return model;
    }

    // ---------------------------------------------------------------- messages

    /**
     * A version that does not exist.
     *
     * @param registry where the registry is (directory or tracking URI), for the message
     * @param existing the model's versions
     * @param models   the registry's models; asked only when the model has no versions
     * @param hint     appended to the list of existing versions (e.g. how versions are spelled)
     */
    public static RegistryException unknownVersion(String model, String version, String registry, List<String> existing,
                                                   Supplier<List<String>> models, String hint) {
        if (existing.isEmpty()) {
            return new RegistryException("Model " + model + " has no version " + version + ": it has no versions in registry " + registry
                    + knownModels(models.get()) + "; register one first or check the model name");
        }
        return new RegistryException("Model " + model + " has no version " + version + "; existing versions: "
                + String.join(", ", existing) + hint);
    }

    /** A history entry for a model the registry does not hold. */
    public static RegistryException noSuchModel(HistoryEntry entry, String registry, List<String> models) {
        return new RegistryException("Cannot record '" + entry.action() + "' for " + entry.model() + ": no such model in registry "
                + registry + knownModels(models) + "; register it first or check the model name");
    }

    /** {@code " (models: a, b)"}, or that the registry is empty. */
    public static String knownModels(List<String> models) {
        return models.isEmpty() ? " (the registry is empty)" : " (models: " + String.join(", ", models) + ")";
    }

    // ---------------------------------------------------------------- values

    /** sha256 of model.tribuo, or of the manifest in sha256sum format when there is none. */
    public static String versionDigest(Map<String, String> files) {
        String model = files.get(ModelVersion.MODEL_FILE);
        if (model != null) {
            return model;
        }
        return Digests.sha256(new TreeMap<>(files).entrySet().stream()
                .map(e -> e.getValue() + "  " + e.getKey() + "\n").collect(Collectors.joining()));
    }

    /** The request's lineage, or the one detected from the environment and the working directory. */
    public static Lineage lineage(RegisterRequest request, Map<String, String> env) {
        return request.lineage() != null ? request.lineage()
                : Lineage.detect(env, Path.of("").toAbsolutePath(), null, null, null);
    }

    /** Who acts: the given name, or the user detected from the CI environment. */
    public static String actor(String given, Map<String, String> env) {
        return given != null && !given.isBlank() ? given : Lineage.detectUser(env);
    }

    /** The first non-blank value of the named variables, or null. */
    public static String firstEnv(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Puts non-blank values only. */
    public static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    // ---------------------------------------------------------------- history entries

    /** The history entry of a registration. */
    public static HistoryEntry registerEntry(RegisterRequest request, String version, Instant created, String sha256,
                                             Lineage lineage, Map<String, String> env) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("sha256", sha256);
        putIfPresent(details, "gate_status", request.gateStatus());
        putIfPresent(details, "git_commit", lineage.gitCommit());
        putIfPresent(details, "ci_job_url", lineage.ciJobUrl());
        return new HistoryEntry(created, request.model(), HistoryEntry.ACTION_REGISTER, version, null, null,
                actor(null, env), request.description(), details);
    }

    /**
     * Moving {@code alias} from {@code previous} to {@code target}: unchanged (with a note) when
     * it already points there. The caller appends {@link AliasChange#entry()} and moves the alias
     * only when {@link AliasChange#changed()}.
     */
    public static AliasChange promotion(Instant at, String model, String target, String alias, String previous, String who,
                                        String reason, Map<String, String> approval, Map<String, String> env) {
        Map<String, String> details = new LinkedHashMap<>();
        if (approval != null) {
            approval.forEach((k, v) -> putIfPresent(details, "approval." + k, v));
        }
        putIfPresent(details, "ci_job_url", firstEnv(env, "BUILD_URL", "CI_JOB_URL"));
        boolean changed = !target.equals(previous);
        if (!changed) {
            details.put("note", alias + " already points at version " + target + "; nothing changed");
        }
        HistoryEntry entry = new HistoryEntry(at, model, HistoryEntry.ACTION_PROMOTE, target, alias, previous, who, reason, details);
        return new AliasChange(model, alias, previous, target, changed, entry);
    }

    /**
     * Removing {@code alias}, which points at {@code previous}: unchanged (with a note) when it
     * is not set. The caller appends {@link AliasChange#entry()} and removes the alias only when
     * {@link AliasChange#changed()}.
     */
    public static AliasChange demotion(Instant at, String model, String alias, String previous, String who, String reason) {
        if (previous == null) {
            HistoryEntry note = new HistoryEntry(at, model, HistoryEntry.ACTION_DEMOTE, null, alias, null, who, reason,
                    Map.of("note", alias + " is not set; nothing changed"));
            return new AliasChange(model, alias, null, null, false, note);
        }
        HistoryEntry entry = new HistoryEntry(at, model, HistoryEntry.ACTION_DEMOTE, previous, alias, previous, who, reason, Map.of());
        return new AliasChange(model, alias, previous, null, true, entry);
    }

    /** An entry given to {@code appendHistory}, stamped {@code now} and given an actor when it has none. */
    public static HistoryEntry completed(HistoryEntry entry, Supplier<Instant> now, Map<String, String> env) {
        return new HistoryEntry(entry.at() != null ? entry.at() : now.get(), entry.model(), entry.action(), entry.version(),
                entry.alias(), entry.previousVersion(), actor(entry.actor(), env), entry.reason(), entry.details());
    }

    // ---------------------------------------------------------------- files

    /**
     * Deletes a staging or cache directory and everything in it, best effort: a leftover only
     * costs space and is cleaned up later, so it must never fail the operation.
     */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort, see above
        }
    }
}
