package io.mlgate.core.registry.mlflow;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.registry.AliasChange;
import io.mlgate.core.registry.HistoryEntry;
import io.mlgate.core.registry.Lineage;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.registry.ModelVersion;
import io.mlgate.core.registry.RegisterRequest;
import io.mlgate.core.registry.RegistryException;
import io.mlgate.core.registry.RegistryJson;
import io.mlgate.core.registry.RegistryRules;
import io.mlgate.core.registry.mlflow.MlflowClient.ApiError;
import io.mlgate.core.util.AtomicFiles;
import io.mlgate.core.util.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link ModelRegistry} on the MLflow REST API ({@code /api/2.0/mlflow/...}), for an MLflow
 * tracking server and for GitLab's MLflow-compatible model registry. Open it with
 * {@code mlflow+https://host/path} (or {@code mlflow+http://localhost...} for local tests).
 *
 * <p>What is stored where (both flavors):
 * <ul>
 *   <li>A version is a registered-model version. Its metadata (sha256, file manifest, metrics,
 *       gate verdict and messages, lineage, creation time) are {@code mlgate.*} tags set when the
 *       version is created; user tags are plain tags. Values longer than 5000 characters are
 *       split across tags (see {@link TagCodec}).</li>
 *   <li>The files are artifacts of the version's run, uploaded with {@code PUT} to the run's
 *       {@code artifact_uri} and read back with {@code GET} into a local cache, checked against
 *       the manifest's sha256.</li>
 *   <li>The history is append-only: one run per entry in the experiment {@code mlgate/<model>},
 *       the entry as JSON in the run tag {@code mlgate.entry}. Each append is one independent
 *       create, so concurrent writers never overwrite each other; entries are read in append
 *       order (the run's start time, strictly increasing within one process, then run id).</li>
 * </ul>
 *
 * <p>MLflow: integer versions assigned by the server; native aliases
 * ({@code POST/DELETE/GET /registered-models/alias}), recorded in the history first.
 *
 * <p>GitLab deviates (docs.gitlab.com/user/project/ml/experiment_tracking/mlflow_client/ and
 * the API source {@code lib/api/ml/mlflow}):
 * <ul>
 *   <li>Versions must be SemVer. mlgate sends the version in the tag {@code gitlab.version},
 *       numbering like GitLab's auto-increment (major bump: 1.0.0, 2.0.0, ...); a version taken
 *       by a concurrent writer is retried with the next number. "2" is read as "2.0.0".</li>
 *   <li>Responses carry GitLab's internal id in {@code version}, the SemVer in {@code aliases},
 *       {@code current_stage} fixed to "development" and {@code creation_timestamp} in seconds;
 *       mlgate reads the SemVer from {@code gitlab.version} and the time from {@code mlgate.created}.</li>
 *   <li>{@code run_id}, {@code source} and {@code run_link} of model-version create are ignored
 *       (GitLab makes its own run and package), registered-model tags are ignored and there is no
 *       set-tag, alias or model-version search endpoint. So nothing is sent that GitLab would drop,
 *       versions are listed from {@code registered-models/get} (whose {@code latest_versions} holds
 *       every version), and aliases are emulated: replayed from the history's promote and demote
 *       entries (last writer wins). GitLab's own {@code GET registered-models/alias} looks a
 *       version up by its SemVer and is not used.</li>
 *   <li>Files go to the package of the version ({@code /api/v4/projects/<id>/packages/ml_models/<id>/files/<path>},
 *       the run's {@code artifact_uri}); in CI the version's run is tagged {@code gitlab.CI_JOB_ID}
 *       to link it to the job. A version is created before its files are uploaded, so an
 *       interrupted registration leaves a version whose {@link #modelDirectory} fails loudly.</li>
 * </ul>
 */
public final class MlflowModelRegistry implements ModelRegistry {

    static final String TAG_PREFIX = "mlgate.";
    static final String TAG_FORMAT = "mlgate.format";
    static final String TAG_CREATED = "mlgate.created";
    static final String TAG_SHA256 = "mlgate.sha256";
    static final String TAG_FILES = "mlgate.files";
    static final String TAG_METRICS = "mlgate.metrics";
    static final String TAG_GATE_STATUS = "mlgate.gate_status";
    static final String TAG_GATE_MESSAGES = "mlgate.gate_messages";
    static final String TAG_LINEAGE = "mlgate.lineage";
    static final String TAG_KIND = "mlgate.kind";
    static final String TAG_ENTRY = "mlgate.entry";
    static final String GITLAB_VERSION = "gitlab.version";
    static final String GITLAB_CI_JOB_ID = "gitlab.CI_JOB_ID";
    static final String KIND_HISTORY = "history";
    static final String KIND_ARTIFACTS = "artifacts";
    /** Versions taken by concurrent writers before giving up. */
    static final int VERSION_ATTEMPTS = 5;
    private static final int PAGE = 1000;
    private static final int MAX_PAGES = 10_000;
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> METRIC_MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private final URI trackingUri;
    private final MlflowFlavor flavor;
    private final MlflowClient client;
    private final Path cacheDir;
    private final Map<String, String> env;
    private final Clock clock;
    private final Map<String, String> experimentIds = new ConcurrentHashMap<>();
    /** Last history stamp of this process: appends within one millisecond still read back in order. */
    private final AtomicLong lastStamp = new AtomicLong();

    /**
     * @param trackingUri the MLflow tracking URI ({@code https://host/path}; for GitLab
     *                    {@code https://gitlab.example.com/api/v4/projects/<id>/ml/mlflow})
     * @param cacheDir    where {@link #modelDirectory} keeps downloaded versions
     * @param env         environment: credentials, CI job id, the actor
     * @param clock       time source for created/at stamps
     */
    public MlflowModelRegistry(URI trackingUri, Path cacheDir, Map<String, String> env, Clock clock) {
        this.trackingUri = trackingUri;
        this.flavor = MlflowFlavor.detect(trackingUri);
        this.env = env == null ? Map.of() : Map.copyOf(env);
        this.client = new MlflowClient(trackingUri, flavor, Credentials.from(this.env, flavor));
        // One cache per registry: two servers may both have "credit-risk" version 3.
        this.cacheDir = cacheDir.toAbsolutePath().normalize()
                .resolve(trackingUri.getHost().replaceAll("[^A-Za-z0-9.-]", "_") + "-" + Digests.sha256(trackingUri.toString()).substring(0, 12));
        this.clock = clock;
    }

    /**
     * Opens {@code mlflow+https://host/path}. Plain {@code mlflow+http} is accepted only for
     * localhost / 127.0.0.1, because the token would travel in clear text.
     */
    public static MlflowModelRegistry open(String registryUri, Path cacheDir, Map<String, String> env) {
        return new MlflowModelRegistry(trackingUri(registryUri), cacheDir, env, Clock.systemUTC());
    }

    /** The HTTP(S) tracking URI of {@code mlflow+http(s)://...}. */
    public static URI trackingUri(String registryUri) {
        String text = registryUri == null ? "" : registryUri.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("mlflow+https://") && !lower.startsWith("mlflow+http://")) {
            throw new RegistryException("Registry URI '" + registryUri + "' is not an MLflow URI; use mlflow+https://host/path "
                    + "(GitLab: mlflow+https://gitlab.example.com/api/v4/projects/<project id>/ml/mlflow)");
        }
        URI uri;
        try {
            uri = new URI(text.substring("mlflow+".length()));
        } catch (URISyntaxException e) {
            throw new RegistryException("Registry URI '" + registryUri + "' is not a valid URI (" + e.getMessage()
                    + "); use mlflow+https://host/path");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RegistryException("Registry URI '" + registryUri + "' names no host; use mlflow+https://host/path");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new RegistryException("Registry URI '" + registryUri + "' must not carry a query, fragment or user info; "
                    + "put credentials in MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME/MLFLOW_TRACKING_PASSWORD)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
        if ("http".equalsIgnoreCase(uri.getScheme()) && !local) {
            throw new RegistryException("Registry URI '" + registryUri + "' uses plain HTTP to " + uri.getHost()
                    + ", which would send the token in clear text; use mlflow+https://" + uri.getRawAuthority()
                    + (uri.getRawPath() == null ? "" : uri.getRawPath()) + " (mlflow+http is for localhost only)");
        }
        return uri;
    }

    public URI trackingUri() {
        return trackingUri;
    }

    public MlflowFlavor flavor() {
        return flavor;
    }

    /** Where downloaded versions are cached. */
    public Path cacheDir() {
        return cacheDir;
    }

    // ---------------------------------------------------------------- register

    @Override
    public ModelVersion register(RegisterRequest request) {
        String model = RegistryRules.checkRequest(request);
        Path artifactDir = request.artifactDir();
        RegistryRules.checkArtifactDir(model, artifactDir);
        RegistryRules.checkMetrics(model, request.metrics());
        request.tags().forEach((k, v) -> {
            if (k.startsWith(TAG_PREFIX) || k.startsWith("gitlab.") || TagCodec.isPart(k) || v.isEmpty()) {
                throw new RegistryException("Cannot register " + model + ": tag '" + k + "' " + (v.isEmpty() ? "has an empty value (GitLab rejects those)"
                        : "is reserved (mlgate.* and gitlab.* are set by mlgate, <key>#<n> holds split values)") + "; rename or drop it");
            }
        });
        Map<String, byte[]> contents = readFiles(model, artifactDir);
        Map<String, String> files = new TreeMap<>();
        contents.forEach((name, bytes) -> files.put(name, sha256(bytes)));
        String sha256 = RegistryRules.versionDigest(files);
        Lineage lineage = RegistryRules.lineage(request, env);
        Instant created = clock.instant();

        List<Map<String, String>> tags = new ArrayList<>();
        TagCodec.put(tags, TAG_FORMAT, "1");
        TagCodec.put(tags, TAG_CREATED, created.toString());
        TagCodec.put(tags, TAG_SHA256, sha256);
        TagCodec.put(tags, TAG_FILES, RegistryJson.line(files));
        if (!request.metrics().isEmpty()) {
            TagCodec.put(tags, TAG_METRICS, RegistryJson.line(request.metrics()));
        }
        if (request.gateStatus() != null && !request.gateStatus().isBlank()) {
            TagCodec.put(tags, TAG_GATE_STATUS, request.gateStatus());
        }
        if (!request.gateMessages().isEmpty()) {
            TagCodec.put(tags, TAG_GATE_MESSAGES, RegistryJson.line(request.gateMessages()));
        }
        TagCodec.put(tags, TAG_LINEAGE, RegistryJson.line(lineage));
        request.tags().forEach((k, v) -> TagCodec.put(tags, k, v));

        ensureRegisteredModel(model);
        String version = flavor == MlflowFlavor.GITLAB
                ? registerOnGitLab(model, request.description(), tags, contents)
                : registerOnMlflow(model, request.description(), tags, contents);

        appendEntry(RegistryRules.registerEntry(request, version, created, sha256, lineage, env));
        return new ModelVersion(model, version, created, sha256, files, request.metrics(), request.gateStatus(), request.gateMessages(),
                lineage, request.tags(), List.of());
    }

    /** MLflow: files go to a fresh run first, then the version is created pointing at them. */
    private String registerOnMlflow(String model, String description, List<Map<String, String>> tags, Map<String, byte[]> contents) {
        String experimentId = experimentId(model, true).orElseThrow();
        Map<String, Object> runBody = new LinkedHashMap<>();
        runBody.put("experiment_id", experimentId);
        runBody.put("start_time", clock.millis());
        runBody.put("run_name", model + " artifacts");
        runBody.put("tags", List.of(TagCodec.tag(TAG_KIND, KIND_ARTIFACTS)));
        JsonNode run = client.post("runs/create", runBody).path("run").path("info");
        String runId = text(run, "run_id");
        String artifactUri = text(run, "artifact_uri");
        URI base = artifactBase(artifactUri, model, null);
        contents.forEach((name, bytes) -> client.upload(fileUrl(base, name), bytes));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", model);
        body.put("source", artifactUri);
        body.put("run_id", runId);
        body.put("tags", tags);
        if (description != null && !description.isBlank()) {
            body.put("description", description);
        }
        JsonNode created = client.post("model-versions/create", body).path("model_version");
        Map<String, Object> finish = new LinkedHashMap<>();
        finish.put("run_id", runId);
        finish.put("status", "FINISHED");
        finish.put("end_time", clock.millis());
        try {
            client.post("runs/update", finish);
        } catch (RegistryException e) {
            // The version exists and is complete; a run left RUNNING is cosmetic and must not fail the registration.
        }
        return text(created, "version");
    }

    /** GitLab: the version comes first (it owns the package the files go to), numbered by mlgate. */
    private String registerOnGitLab(String model, String description, List<Map<String, String>> tags, Map<String, byte[]> contents) {
        JsonNode created = null;
        String version = null;
        for (int attempt = 1; created == null; attempt++) {
            version = remoteVersions(model).stream().map(Remote::version).map(ModelVersion::version)
                    .map(SemVer::parse).flatMap(Optional::stream).max(Comparator.naturalOrder())
                    .map(SemVer::nextMajor).orElse(SemVer.first()).toString();
            List<Map<String, String>> withVersion = new ArrayList<>(tags);
            withVersion.add(TagCodec.tag(GITLAB_VERSION, version));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", model);
            body.put("tags", withVersion);
            if (description != null && !description.isBlank()) {
                body.put("description", description);
            }
            try {
                created = client.post("model-versions/create", body).path("model_version");
            } catch (ApiError e) {
                boolean taken = e.status() == 400 && e.serverMessage().toLowerCase(Locale.ROOT).contains("taken");
                if (!taken || attempt >= VERSION_ATTEMPTS) {
                    throw taken ? new RegistryException("Cannot register " + model + ": version " + version
                            + " was taken by another writer " + attempt + " times in a row; retry the registration", e) : e;
                }
            }
        }
        String runId = text(created, "run_id");
        JsonNode run = client.get("runs/get", MlflowClient.query("run_id", runId)).path("run").path("info");
        URI base = artifactBase(text(run, "artifact_uri"), model, version);
        for (Map.Entry<String, byte[]> file : contents.entrySet()) {
            try {
                client.upload(fileUrl(base, file.getKey()), file.getValue());
            } catch (RegistryException e) {
                throw new RegistryException("Version " + version + " of " + model + " was created but uploading " + file.getKey()
                        + " failed, so the version is incomplete (its model directory will refuse to load); fix the cause and "
                        + "register again. " + e.getMessage(), e);
            }
        }
        String jobId = env.get("CI_JOB_ID");
        if (jobId != null && !jobId.isBlank()) {
            // GitLab's documented way to link a model version to the CI job that made it.
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("run_id", runId);
            tag.put("key", GITLAB_CI_JOB_ID);
            tag.put("value", jobId.trim());
            client.post("runs/set-tag", tag);
        }
        return version;
    }

    private void ensureRegisteredModel(String model) {
        if (client.find("registered-models/get", MlflowClient.query("name", model)).isPresent()) {
            return;
        }
        try {
            client.post("registered-models/create", Map.of("name", model));
        } catch (ApiError e) {
            if (!"RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
                throw e;
            }
            // Created concurrently by another build: fine.
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<ModelVersion> version(String model, String version) {
        RegistryRules.checkModel(model);
        return remoteVersion(model, version).map(r -> withAliases(r.version(), aliasTable(model)));
    }

    @Override
    public Optional<ModelVersion> alias(String model, String alias) {
        RegistryRules.checkModel(model);
        RegistryRules.checkAlias(alias);
        Map<String, String> table = aliasTable(model);
        String version = table.get(alias);
        if (version == null) {
            return Optional.empty();
        }
        return remoteVersion(model, version).map(r -> withAliases(r.version(), table));
    }

    @Override
    public List<ModelVersion> versions(String model) {
        RegistryRules.checkModel(model);
        List<Remote> remote = remoteVersions(model);
        if (remote.isEmpty()) {
            return List.of();
        }
        Map<String, String> table = aliasTable(model);
        return remote.stream().map(r -> withAliases(r.version(), table)).toList();
    }

    @Override
    public List<String> models() {
        List<String> names = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> q = MlflowClient.query("max_results", String.valueOf(PAGE));
            if (token != null) {
                q.put("page_token", token);
            }
            JsonNode result = client.get("registered-models/search", q);
            result.path("registered_models").forEach(m -> names.add(m.path("name").asText()));
            token = nextToken(result);
            if (token == null) {
                break;
            }
        }
        return names.stream().filter(n -> PipelineConfig.MODEL_NAME.matcher(n).matches()).distinct().sorted().toList();
    }

    @Override
    public List<HistoryEntry> history(String model) {
        RegistryRules.checkModel(model);
        Optional<String> experimentId = experimentId(model, false);
        if (experimentId.isEmpty()) {
            return List.of();
        }
        record Ordered(HistoryEntry entry, long start, String runId) {
        }
        List<Ordered> entries = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("experiment_ids", List.of(experimentId.get()));
            body.put("max_results", PAGE);
            if (token != null) {
                body.put("page_token", token);
            }
            JsonNode result = client.post("runs/search", body);
            for (JsonNode run : result.path("runs")) {
                Map<String, String> tags = tags(run.path("data").path("tags"));
                if (!KIND_HISTORY.equals(tags.get(TAG_KIND)) || !tags.containsKey(TAG_ENTRY)) {
                    continue;
                }
                String runId = run.path("info").path("run_id").asText();
                try {
                    Map<String, String> decoded = TagCodec.decode(tags, "history run " + runId);
                    HistoryEntry entry = RegistryJson.read(decoded.get(TAG_ENTRY), HistoryEntry.class);
                    entries.add(new Ordered(entry, run.path("info").path("start_time").asLong(), runId));
                } catch (IOException | RegistryException e) {
                    // An entry edited out of shape must not hide the others; like a torn line in history.jsonl.
                }
            }
            token = nextToken(result);
            if (token == null) {
                break;
            }
        }
        // Append order, like the lines of history.jsonl: an entry's own time may lie in the past (a ledger import).
        return entries.stream()
                .sorted(Comparator.comparingLong(Ordered::start).thenComparing(Ordered::runId))
                .map(Ordered::entry).toList();
    }

    // ---------------------------------------------------------------- aliases and history

    @Override
    public AliasChange promote(String model, String version, String alias, String reason, String actor, Map<String, String> approval) {
        RegistryRules.checkPromote(model, version, alias, reason);
        String who = RegistryRules.actor(actor, env);
        String target = remoteVersion(model, version).orElseThrow(() -> unknownVersion(model, version)).version().version();
        return apply(RegistryRules.promotion(clock.instant(), model, target, alias, aliasTable(model).get(alias), who,
                reason, approval, env));
    }

    @Override
    public AliasChange demote(String model, String alias, String reason, String actor) {
        RegistryRules.checkDemote(model, alias, reason);
        String who = RegistryRules.actor(actor, env);
        return apply(RegistryRules.demotion(clock.instant(), model, alias, aliasTable(model).get(alias), who, reason));
    }

    /** Records a promote or demote that changes something, then moves the native alias (MLflow only). */
    private AliasChange apply(AliasChange change) {
        if (!change.changed()) {
            return change;
        }
        // History first: a move must never happen without its record. On GitLab the record is the move.
        appendEntry(change.entry());
        if (flavor == MlflowFlavor.MLFLOW) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", change.model());
            body.put("alias", change.alias());
            if (change.version() != null) {
                body.put("version", change.version());
                client.post("registered-models/alias", body);
            } else {
                client.delete("registered-models/alias", body);
            }
        }
        return change;
    }

    @Override
    public void appendHistory(HistoryEntry entry) {
        String model = RegistryRules.checkHistoryEntry(entry);
        if (client.find("registered-models/get", MlflowClient.query("name", model)).isEmpty()) {
            throw RegistryRules.noSuchModel(entry, trackingUri.toString(), models());
        }
        appendEntry(RegistryRules.completed(entry, clock::instant, env));
    }

    /** One run per entry: a single create, so concurrent appends never overwrite each other. */
    private void appendEntry(HistoryEntry entry) {
        String experimentId = experimentId(entry.model(), true).orElseThrow();
        List<Map<String, String>> tags = new ArrayList<>();
        tags.add(TagCodec.tag(TAG_KIND, KIND_HISTORY));
        TagCodec.put(tags, TAG_ENTRY, RegistryJson.line(entry));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("experiment_id", experimentId);
        body.put("start_time", nextStamp());
        body.put("run_name", entry.action() + (entry.alias() == null ? "" : " " + entry.alias())
                + (entry.version() == null ? "" : " " + entry.version()));
        body.put("tags", tags);
        client.post("runs/create", body);
    }

    /** The append time of an entry: now, but strictly after this process's previous append. */
    private long nextStamp() {
        long now = clock.millis();
        return lastStamp.updateAndGet(last -> Math.max(now, last + 1));
    }

    /**
     * alias -> version. MLflow: the registered model's native aliases. GitLab: replayed from the
     * history (promote sets, demote clears), since GitLab cannot store aliases.
     */
    private Map<String, String> aliasTable(String model) {
        Map<String, String> table = new TreeMap<>();
        if (flavor == MlflowFlavor.MLFLOW) {
            client.find("registered-models/get", MlflowClient.query("name", model)).ifPresent(rm ->
                    rm.path("registered_model").path("aliases").forEach(a -> table.put(a.path("alias").asText(), a.path("version").asText())));
            return table;
        }
        for (HistoryEntry entry : history(model)) {
            if (entry.alias() == null || entry.action() == null) {
                continue;
            }
            if (HistoryEntry.ACTION_PROMOTE.equals(entry.action()) && entry.version() != null) {
                table.put(entry.alias(), entry.version());
            } else if (HistoryEntry.ACTION_DEMOTE.equals(entry.action())) {
                table.remove(entry.alias());
            }
        }
        return table;
    }

    // ---------------------------------------------------------------- files

    @Override
    public Path modelDirectory(String model, String version) {
        RegistryRules.checkModel(model);
        Remote remote = remoteVersion(model, version).orElseThrow(() -> unknownVersion(model, version));
        ModelVersion v = remote.version();
        if (v.files().isEmpty()) {
            throw new RegistryException("Version " + v.version() + " of " + model + " at " + trackingUri + " has no " + TAG_FILES
                    + " tag, so it was not registered by mlgate (or its tags were removed); register the model with mlgate");
        }
        Path target = cacheDir.resolve(model).resolve(v.version());
        if (Files.isDirectory(target) && problems(target, v.files()).isEmpty()) {
            return target;
        }
        URI base = artifactBase(remote, model);
        Path staging = cacheDir.resolve(model).resolve(".tmp-" + UUID.randomUUID());
        try {
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, String> file : v.files().entrySet()) {
                URI url = fileUrl(base, file.getKey());
                byte[] bytes;
                try {
                    bytes = client.download(url);
                } catch (ApiError e) {
                    if (e.status() == 404) {
                        problems.add(file.getKey() + " is missing (" + url + ")");
                        continue;
                    }
                    throw e;
                }
                String actual = sha256(bytes);
                if (!actual.equals(file.getValue())) {
                    problems.add(file.getKey() + " has sha256 " + actual + ", registered " + file.getValue());
                    continue;
                }
                AtomicFiles.write(staging.resolve(file.getKey()), bytes);
            }
            if (!problems.isEmpty()) {
                throw new RegistryException("Version " + v.version() + " of " + model + " at " + trackingUri
                        + " does not match what was registered: " + String.join("; ", problems)
                        + ". Its files were changed after registration or the registration was interrupted; register a new version.");
            }
            moveIntoPlace(staging, target, v.files());
            return target;
        } finally {
            RegistryRules.deleteQuietly(staging);
        }
    }

    private void moveIntoPlace(Path staging, Path target, Map<String, String> files) {
        try {
            if (Files.isDirectory(target)) {
                if (problems(target, files).isEmpty()) {
                    return; // another process finished the same download first
                }
                RegistryRules.deleteQuietly(target);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            if (!problems(target, files).isEmpty()) {
                throw new RegistryException("Cache directory " + target + " holds other files than version registered; delete it and retry", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static List<String> problems(Path dir, Map<String, String> files) {
        List<String> problems = new ArrayList<>();
        files.forEach((name, sha) -> {
            Path p = dir.resolve(name);
            if (!Files.isRegularFile(p) || !Digests.sha256(p).equals(sha)) {
                problems.add(name);
            }
        });
        return problems;
    }

    /** Where a version's files live: MLflow from its source, GitLab from its run's artifact_uri. */
    private URI artifactBase(Remote remote, String model) {
        if (flavor == MlflowFlavor.MLFLOW && remote.source() != null && !remote.source().isBlank()
                && !remote.source().startsWith("runs:/")) {
            return artifactBase(remote.source(), model, remote.version().version());
        }
        if (remote.runId() == null || remote.runId().isBlank()) {
            throw new RegistryException("Version " + remote.version().version() + " of " + model + " names neither an artifact source "
                    + "nor a run, so its files cannot be found; register a new version");
        }
        JsonNode run = client.get("runs/get", MlflowClient.query("run_id", remote.runId())).path("run").path("info");
        String uri = text(run, "artifact_uri");
        if (remote.source() != null && remote.source().startsWith("runs:/")) {
            // runs:/<run id>/<path>: the path below the run's artifact root
            String rest = remote.source().substring("runs:/".length());
            int slash = rest.indexOf('/');
            if (slash >= 0 && slash < rest.length() - 1) {
                uri = uri.replaceAll("/+$", "") + "/" + rest.substring(slash + 1);
            }
        }
        return artifactBase(uri, model, remote.version().version());
    }

    private URI artifactBase(String artifactUri, String model, String version) {
        String lower = artifactUri == null ? "" : artifactUri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mlflow-artifacts:")) {
            return client.artifactsUrl(artifactUri);
        }
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return URI.create(artifactUri);
        }
        throw new RegistryException("The artifacts of " + model + (version == null ? "" : " version " + version) + " live at '" + artifactUri
                + "', which mlgate cannot reach through the tracking server; start the MLflow server with proxied artifact access "
                + "(mlflow server --serve-artifacts, the default since MLflow 2.0) so runs get mlflow-artifacts:/ URIs");
    }

    private static URI fileUrl(URI base, String name) {
        String root = base.toString().replaceAll("/+$", "");
        String path = Stream.of(name.split("/")).map(MlflowClient::encode).collect(Collectors.joining("/"));
        return URI.create(root + "/" + path);
    }

    private static Map<String, byte[]> readFiles(String model, Path artifactDir) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(artifactDir)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list artifact directory " + artifactDir + ": " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new RegistryException("Cannot register " + model + ": artifact directory " + artifactDir + " holds no files; train the model first");
        }
        Map<String, byte[]> contents = new TreeMap<>();
        for (Path p : paths) {
            String name = artifactDir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
            try {
                contents.put(name, Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
        }
        return contents;
    }

    private static String sha256(byte[] bytes) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of().formatHex(digest.digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    // ---------------------------------------------------------------- remote versions

    /** A version as the server returned it, with the fields needed to find its files. */
    record Remote(ModelVersion version, String source, String runId, String serverVersion) {
    }

    private Optional<Remote> remoteVersion(String model, String version) {
        if (version == null || version.isBlank()) {
            return Optional.empty();
        }
        String asked = flavor == MlflowFlavor.GITLAB ? SemVer.normalize(version) : version.trim();
        if (flavor == MlflowFlavor.MLFLOW && !asked.matches("[0-9]{1,18}")) {
            return Optional.empty(); // MLflow versions are integers; anything else cannot exist
        }
        if (flavor == MlflowFlavor.GITLAB && !SemVer.isSemVer(asked)) {
            return Optional.empty();
        }
        return client.find("model-versions/get", MlflowClient.query("name", model, "version", asked))
                .map(node -> toRemote(node.path("model_version")));
    }

    private List<Remote> remoteVersions(String model) {
        List<Remote> result = new ArrayList<>();
        if (flavor == MlflowFlavor.GITLAB) {
            // GitLab has no model-versions/search; its registered model lists every version in latest_versions.
            client.find("registered-models/get", MlflowClient.query("name", model)).ifPresent(rm ->
                    rm.path("registered_model").path("latest_versions").forEach(mv -> result.add(toRemote(mv))));
        } else {
            String token = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                Map<String, String> q = MlflowClient.query("filter", "name='" + model + "'", "max_results", String.valueOf(PAGE));
                if (token != null) {
                    q.put("page_token", token);
                }
                JsonNode page_ = client.get("model-versions/search", q);
                page_.path("model_versions").forEach(mv -> {
                    if (model.equals(mv.path("name").asText())) {
                        result.add(toRemote(mv));
                    }
                });
                token = nextToken(page_);
                if (token == null) {
                    break;
                }
            }
        }
        Comparator<String> order = flavor == MlflowFlavor.GITLAB ? SemVer.ORDER
                : Comparator.comparingLong((String v) -> v.matches("[0-9]{1,18}") ? Long.parseLong(v) : Long.MAX_VALUE);
        Map<String, Remote> unique = new TreeMap<>(order);
        result.forEach(r -> unique.putIfAbsent(r.version().version(), r));
        return List.copyOf(unique.values());
    }

    private Remote toRemote(JsonNode mv) {
        String model = mv.path("name").asText();
        String serverVersion = mv.path("version").asText();
        Map<String, String> raw = tags(mv.path("tags"));
        String version = serverVersion;
        if (flavor == MlflowFlavor.GITLAB) {
            // GitLab answers its internal id in "version" and the SemVer as the only "alias".
            version = raw.get(GITLAB_VERSION);
            if (version == null) {
                for (JsonNode a : mv.path("aliases")) {
                    if (SemVer.isSemVer(a.asText())) {
                        version = a.asText();
                        break;
                    }
                }
            }
            if (version == null) {
                version = serverVersion;
            }
        }
        Map<String, String> tags = TagCodec.decode(raw, model + " version " + version);
        Instant created = parseInstant(tags.get(TAG_CREATED));
        if (created == null && mv.has("creation_timestamp")) {
            long ts = mv.path("creation_timestamp").asLong();
            // MLflow stamps milliseconds; GitLab's compatibility layer stamps seconds.
            created = flavor == MlflowFlavor.GITLAB ? Instant.ofEpochSecond(ts) : Instant.ofEpochMilli(ts);
        }
        String where = model + " version " + version;
        Map<String, String> files = read(tags.get(TAG_FILES), STRING_MAP, where, TAG_FILES);
        Map<String, Double> metrics = read(tags.get(TAG_METRICS), METRIC_MAP, where, TAG_METRICS);
        List<String> messages = read(tags.get(TAG_GATE_MESSAGES), STRING_LIST, where, TAG_GATE_MESSAGES);
        Lineage lineage = tags.containsKey(TAG_LINEAGE) ? read(tags.get(TAG_LINEAGE), new TypeReference<Lineage>() {
        }, where, TAG_LINEAGE) : Lineage.unknown();
        Map<String, String> userTags = new TreeMap<>();
        tags.forEach((k, v) -> {
            if (!k.startsWith(TAG_PREFIX) && !k.startsWith("gitlab.")) {
                userTags.put(k, v);
            }
        });
        String sha256 = tags.get(TAG_SHA256);
        if (sha256 == null && files != null && !files.isEmpty()) {
            sha256 = RegistryRules.versionDigest(files);
        }
        ModelVersion v = new ModelVersion(model, version, created, sha256, files, metrics, tags.get(TAG_GATE_STATUS), messages,
                lineage, userTags, List.of());
        return new Remote(v, textOrNull(mv, "source"), textOrNull(mv, "run_id"), serverVersion);
    }

    private static ModelVersion withAliases(ModelVersion v, Map<String, String> table) {
        List<String> aliases = table.entrySet().stream().filter(e -> e.getValue().equals(v.version())).map(Map.Entry::getKey).toList();
        return new ModelVersion(v.model(), v.version(), v.created(), v.sha256(), v.files(), v.metrics(), v.gateStatus(), v.gateMessages(),
                v.lineage(), v.tags(), aliases);
    }

    private Optional<String> experimentId(String model, boolean create) {
        String name = "mlgate/" + model;
        String cached = experimentIds.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> found = client.find("experiments/get-by-name", MlflowClient.query("experiment_name", name))
                .map(e -> e.path("experiment").path("experiment_id").asText());
        if (found.isEmpty() && create) {
            try {
                found = Optional.of(text(client.post("experiments/create", Map.of("name", name)), "experiment_id"));
            } catch (ApiError e) {
                if (!"RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
                    throw e;
                }
                found = client.find("experiments/get-by-name", MlflowClient.query("experiment_name", name))
                        .map(x -> x.path("experiment").path("experiment_id").asText());
            }
        }
        found.ifPresent(id -> experimentIds.put(name, id));
        return found;
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, String> tags(JsonNode array) {
        Map<String, String> tags = new TreeMap<>();
        array.forEach(t -> {
            if (t.hasNonNull("key")) {
                tags.put(t.get("key").asText(), t.path("value").asText());
            }
        });
        return tags;
    }

    private <T> T read(String json, TypeReference<T> type, String where, String tag) {
        if (json == null) {
            return null;
        }
        try {
            return RegistryJson.read(json, type);
        } catch (IOException e) {
            throw new RegistryException("Tag " + tag + " of " + where + " at " + trackingUri + " is not valid JSON ("
                    + e.getMessage().lines().findFirst().orElse("") + "); it was edited outside mlgate: restore it or register a new version", e);
        }
    }

    private static Instant parseInstant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String nextToken(JsonNode result) {
        JsonNode t = result.get("next_page_token");
        return t == null || t.isNull() || t.asText().isBlank() ? null : t.asText();
    }

    private String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new RegistryException("The MLflow registry at " + trackingUri + " answered without '" + field
                    + "'; it does not speak the MLflow REST API mlgate expects (MLflow 2.x, or GitLab's /ml/mlflow endpoint)");
        }
        return v.asText();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private RegistryException unknownVersion(String model, String version) {
        List<String> existing = remoteVersions(model).stream().map(r -> r.version().version()).toList();
        return RegistryRules.unknownVersion(model, version, trackingUri.toString(), existing, this::models,
                flavor == MlflowFlavor.GITLAB ? " (GitLab versions are SemVer)" : "");
    }

}
