package io.mlgate.core.pipeline;

import io.mlgate.core.config.ConfigException;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.GateSpec;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.data.ContractResolver;
import io.mlgate.core.data.CsvRow;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.data.DataException;
import io.mlgate.core.data.DataValidator;
import io.mlgate.core.data.ReferenceProfile;
import io.mlgate.core.data.ResolvedContract;
import io.mlgate.core.data.ValidationReport;
import io.mlgate.core.evaluate.Evaluator;
import io.mlgate.core.evaluate.MetricSet;
import io.mlgate.core.evaluate.Predictions;
import io.mlgate.core.gate.GateEvaluator;
import io.mlgate.core.gate.GateReport;
import io.mlgate.core.deploy.DeployException;
import io.mlgate.core.deploy.DeployOutcome;
import io.mlgate.core.deploy.DeployRequest;
import io.mlgate.core.deploy.DeployStatus;
import io.mlgate.core.deploy.DeploymentLedger;
import io.mlgate.core.deploy.Health;
import io.mlgate.core.deploy.LedgerState;
import io.mlgate.core.deploy.TrafficSplit;
import io.mlgate.core.deploy.Deployer;
import io.mlgate.core.deploy.DeploymentTarget;
import io.mlgate.core.deploy.DeploymentTargets;
import io.mlgate.core.deploy.OpsKit;
import io.mlgate.core.deploy.SmokeCheck;
import io.mlgate.core.deploy.Strategy;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.registry.AliasChange;
import io.mlgate.core.registry.Lineage;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.registry.ModelVersion;
import io.mlgate.core.registry.RegisterRequest;
import io.mlgate.core.registry.Registries;
import io.mlgate.core.report.HtmlReport;
import io.mlgate.core.report.JUnitReport;
import io.mlgate.core.report.OpenMetricsReport;
import io.mlgate.core.train.FeatureImportance;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.train.ModelTrainer;
import io.mlgate.core.train.TrainingOutcome;
import io.mlgate.core.train.TrainingReport;
import io.mlgate.core.util.AtomicFiles;
import io.mlgate.core.util.Digests;
import io.mlgate.core.util.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline steps on one loaded configuration. Each step writes its JSON result (and its
 * reports) into the output directory and returns it; {@link #run()} chains them the way the
 * README describes.
 */
public final class Pipeline {
    /** The alias the champion model is read from. */
    public static final String PRODUCTION = "production";

    private final LoadedConfig loaded;
    private final PipelineConfig config;
    private final Progress progress;
    private final Map<String, String> env;
    private ModelRegistry registry;
    private ResolvedContract contract;
    private ReferenceProfile referenceProfile;

    public Pipeline(LoadedConfig loaded, Progress progress, Map<String, String> env) {
        this.loaded = loaded;
        this.config = loaded.config();
        this.progress = progress;
        this.env = env;
    }

    public LoadedConfig loaded() {
        return loaded;
    }

    /** The directory reports and results are written to. */
    public Path outputDir() {
        return loaded.resolve(config.output());
    }

    /** The default place of the trained model: {@code <output>/model}. */
    public Path defaultModelDir() {
        return outputDir().resolve("model");
    }

    /** The registry named in the configuration. */
    public ModelRegistry registry() {
        if (registry == null) {
            registry = Registries.open(config.registry(), loaded.baseDir());
        }
        return registry;
    }

    /** The data contract: from mlgate.yaml, its contract file, or inferred from the reference (and written). */
    public ResolvedContract contract() {
        if (contract == null) {
            contract = ContractResolver.resolve(loaded);
        }
        return contract;
    }

    /** The drift bins of the reference data, computed once per pipeline (validate and train both need them). */
    private ReferenceProfile referenceProfile() {
        if (referenceProfile == null) {
            Path reference = required(config.data().referenceOrTrain(), "data.reference or data.train");
            referenceProfile = ReferenceProfile.compute(reference, contract().contract(), config.label());
        }
        return referenceProfile;
    }

    private Path required(String path, String key) {
        if (path == null) {
            throw new DataException("'" + key + "' is not set; add it under data: in " + loaded.sourceName() + " or pass it on the command line");
        }
        return loaded.resolve(path);
    }

    /** Validates {@code data} (default: data.current, else data.holdout) against the contract and the reference. */
    public Outcomes.Validation validate(Path data) {
        Path file = data != null ? data : required(config.data().currentOrHoldout(), "data.current or data.holdout");
        ResolvedContract resolved = contract();
        progress.start("validate " + file.getFileName(), -1);
        ReferenceProfile profile = referenceProfile();
        ValidationReport report = DataValidator.validate(file, resolved.contract(), profile, config.label(), true);
        progress.done();
        List<String> messages = new ArrayList<>(report.messages());
        List<String> files = new ArrayList<>();
        if (resolved.source() == ResolvedContract.Source.INFERRED) {
            messages.add(0, "[validate - contract]: INACTIVE - no contract found; inferred one from "
                    + required(config.data().referenceOrTrain(), "data.reference or data.train").getFileName()
                    + " and wrote " + resolved.file() + " (review and commit it)");
            files.add(resolved.file().toString());
        }
        Path junit = outputDir().resolve("junit-validation.xml");
        JUnitReport.writeChecks("mlgate.validate", validationCases(report), junit);
        files.add(junit.toString());
        Path html = outputDir().resolve("validation.html");
        AtomicFiles.write(html, HtmlReport.render(config.model(), null, null, report));
        files.add(html.toString());
        Outcomes.Validation outcome = new Outcomes.Validation(report.status(), config.model(), file.toString(),
                resolved.source().name().toLowerCase(), resolved.file() == null ? null : resolved.file().toString(),
                report, messages, files);
        writeJson("validation.json", outcome, files);
        return outcome;
    }

    /** Trains the configured candidates, picks the best, and saves the model to {@code modelDir}. */
    public Outcomes.Training train(Path modelDir) {
        Path dir = modelDir != null ? modelDir : defaultModelDir();
        required(config.data().train(), "data.train");
        TrainingOutcome trained = ModelTrainer.train(loaded, contract().contract(), progress);
        trained.artifact().save(dir);
        AtomicFiles.write(dir.resolve("reference-profile.json"), referenceProfile().toJson());
        List<String> files = new ArrayList<>(List.of(dir.toString()));
        List<String> messages = new ArrayList<>();
        var best = trained.best();
        messages.add(String.format(java.util.Locale.ROOT, "[train - %s]: PASSED - %s %.4f on the validation split, %d rows, %.1f s",
                best.trainer(), best.metric(), best.validationScore(), trained.trainRows(), trained.seconds()));
        TrainingReport report = trained.artifact().training();
        List<FeatureImportance> importance = report == null ? null : report.importance();
        if (importance != null && !importance.isEmpty()) {
            messages.add(importanceMessage(importance));
        }
        Outcomes.Training outcome = new Outcomes.Training(GateStatus.PASSED, config.model(), dir.toString(),
                best.trainer(), best.params(), best.metric(), best.validationScore(), trained.artifact().card().threshold(),
                trained.candidates(), trained.dataSha256(), trained.configSha256(), trained.trainRows(), trained.seconds(),
                messages, files, importance, report == null ? null : report.importanceNote());
        writeJson("training.json", outcome, files);
        return outcome;
    }

    /** One line naming the top columns: {@code [train - importance]: PASSED - gain: int_rate 0.312, ... (top 5 of 21 columns)}. */
    static String importanceMessage(List<FeatureImportance> importance) {
        StringBuilder top = new StringBuilder();
        int shown = Math.min(5, importance.size());
        for (int i = 0; i < shown; i++) {
            FeatureImportance f = importance.get(i);
            top.append(i == 0 ? "" : ", ").append(f.feature()).append(' ').append(String.format(java.util.Locale.ROOT, "%.3f", f.importance()));
        }
        return "[train - importance]: PASSED - " + importance.get(0).method() + ": " + top + " (top " + shown + " of "
                + importance.size() + " columns)";
    }

    /**
     * Scores the candidate in {@code modelDir} and the registry's production model on the same
     * holdout rows and applies the gates. Writes evaluation.json, junit.xml, metrics.txt and report.html.
     */
    public Outcomes.Evaluation evaluate(Path modelDir, Outcomes.Validation validation) {
        Path dir = modelDir != null ? modelDir : defaultModelDir();
        Path holdout = required(config.data().holdout(), "data.holdout");
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": no trained model here; run 'mlgate train' first or pass --model-dir");
        }
        ModelArtifact candidateModel = ModelArtifact.load(dir);
        Predictions candidate = candidateModel.predictor().predict(holdout, config.label());
        Optional<ModelVersion> championVersion = registry().alias(config.model(), PRODUCTION);
        Predictions champion = null;
        if (championVersion.isPresent()) {
            ModelArtifact championModel = ModelArtifact.load(registry().modelDirectory(config.model(), championVersion.get().version()));
            champion = championModel.predictor().predict(holdout, config.label());
        }
        Map<String, String[]> slices = sliceColumns(holdout, candidate.size());
        GateReport gates = GateEvaluator.evaluate(config.gates(), config.noBaseline(), candidate, champion,
                championVersion.map(ModelVersion::version).orElse(null), slices);
        MetricSet candidateMetrics = gates.candidate() != null ? gates.candidate() : Evaluator.evaluate(candidate);
        MetricSet championMetrics = gates.champion();
        List<String> files = new ArrayList<>();
        Path junit = outputDir().resolve("junit.xml");
        JUnitReport.write(gates, List.of(), junit);
        files.add(junit.toString());
        Path metrics = outputDir().resolve("metrics.txt");
        OpenMetricsReport.write(config.model(), gates, metrics);
        files.add(metrics.toString());
        List<String> messages = new ArrayList<>(gates.messages());
        Outcomes.Evaluation outcome = new Outcomes.Evaluation(gates.status(), config.model(), dir.toString(),
                Digests.sha256(dir.resolve(ModelArtifact.MODEL_FILE)), holdout.toString(),
                championVersion.map(ModelVersion::version).orElse(null), candidateMetrics, championMetrics, gates, messages, files);
        Path html = outputDir().resolve("report.html");
        Outcomes.Validation shown = validation != null ? validation : readOutcome("validation.json", Outcomes.Validation.class);
        TrainingReport training = candidateModel.training();
        AtomicFiles.write(html, HtmlReport.render(config.model(), gates, outcome.championVersion(),
                shown == null ? null : shown.report(), training == null ? null : training.importance()));
        files.add(html.toString());
        writeJson("evaluation.json", outcome, files);
        return outcome;
    }

    /** One JUnit test case per validation check and per drifted feature. */
    static List<JUnitReport.Case> validationCases(ValidationReport report) {
        List<JUnitReport.Case> cases = new ArrayList<>();
        for (var check : report.checks()) {
            StringBuilder details = new StringBuilder();
            for (var o : check.worst()) {
                details.append("row ").append(o.row()).append(" (line ").append(o.line()).append("): ")
                        .append(o.column()).append('=').append(o.value()).append('\n');
            }
            cases.add(new JUnitReport.Case("mlgate.validate", check.check() + (check.column() == null ? "" : " - " + check.column()),
                    check.status(), check.message(), details.toString()));
        }
        for (var drift : report.drift()) {
            cases.add(new JUnitReport.Case("mlgate.drift", drift.feature(), drift.status(), drift.message(), null));
        }
        return cases;
    }

    private Map<String, String[]> sliceColumns(Path holdout, int rows) {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        for (GateSpec gate : config.gates()) {
            if (gate.slice() != null) {
                columns.add(gate.slice().column());
            }
        }
        if (columns.isEmpty()) {
            return Map.of();
        }
        Map<String, String[]> values = new HashMap<>();
        try (CsvSource csv = CsvSource.open(holdout)) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (String column : columns) {
                index.put(column, csv.requireColumn(column, "slice"));
                values.put(column, new String[rows]);
            }
            int i = 0;
            while (csv.hasNext() && i < rows) {
                CsvRow row = csv.next();
                for (Map.Entry<String, Integer> e : index.entrySet()) {
                    values.get(e.getKey())[i] = row.get(e.getValue());
                }
                i++;
            }
        }
        return values;
    }

    /** Registers the model in {@code modelDir} with the gate result of {@code evaluation} (may be null). */
    public Outcomes.Registration register(Path modelDir, Outcomes.Evaluation evaluation, Map<String, String> tags, String description) {
        Path dir = modelDir != null ? modelDir : defaultModelDir();
        if (!Files.isRegularFile(dir.resolve("model.json"))) {
            throw new DataException(dir + ": no trained model here (model.json missing); run 'mlgate train' first or pass --model-dir");
        }
        ModelArtifact artifact = ModelArtifact.load(dir);
        var card = artifact.card();
        String modelSha256 = Digests.sha256(dir.resolve(ModelArtifact.MODEL_FILE));
        if (evaluation != null && !modelSha256.equals(evaluation.modelSha256())) {
            throw new ConfigException("the evaluation (" + evaluation.modelDir() + ") is of another model than " + dir
                    + " (model.tribuo differs); run 'mlgate evaluate' on this model first, or pass the matching --evaluation");
        }
        Lineage lineage = Lineage.detect(env, loaded.baseDir(), card.dataSha256(), card.configSha256(), card.trainer());
        Map<String, Double> metrics = evaluation == null ? Map.of() : evaluation.metrics();
        String gateStatus = evaluation == null ? "NOT_EVALUATED" : evaluation.status().name();
        List<String> gateMessages = evaluation == null ? List.of() : evaluation.messages();
        Map<String, String> allTags = new LinkedHashMap<>(tags == null ? Map.of() : tags);
        if (evaluation != null && evaluation.candidate() != null && evaluation.candidate().confusion() != null) {
            // what the model predicted on the holdout: mlgate monitor compares live predictions with it
            allTags.putIfAbsent(io.mlgate.core.monitor.PredictionProfile.TAG,
                    io.mlgate.core.monitor.PredictionProfile.of(evaluation.candidate().confusion()).toTag());
        }
        ModelVersion version = registry().register(new RegisterRequest(config.model(), dir, metrics, gateStatus, gateMessages,
                lineage, allTags, description));
        List<String> files = new ArrayList<>();
        String message = "[register]: PASSED - " + config.model() + " version " + version.version() + " registered in "
                + config.registry() + " (gate " + gateStatus + ")";
        Outcomes.Registration outcome = new Outcomes.Registration(GateStatus.PASSED, config.model(), version.version(),
                config.registry(), version, List.of(message), files);
        writeJson("registration.json", outcome, files);
        return outcome;
    }

    /** Moves an alias to a version, with a reason; audited in the registry history. */
    public Outcomes.Promotion promote(String version, String alias, String reason, String actor) {
        AliasChange change = registry().promote(config.model(), version, alias, reason, actor, null);
        String message = change.changed()
                ? "[promote - " + alias + "]: PASSED - " + config.model() + " " + alias + " -> version " + version
                        + (change.previousVersion() == null ? " (was unset)" : " (was version " + change.previousVersion() + ")")
                : "[promote - " + alias + "]: PASSED - " + config.model() + " " + alias + " already at version " + version + "; nothing changed";
        List<String> files = new ArrayList<>();
        Outcomes.Promotion outcome = new Outcomes.Promotion(GateStatus.PASSED, config.model(), alias, version,
                change.previousVersion(), change.changed(), reason, change, List.of(message), files);
        writeJson("promotion.json", outcome, files);
        return outcome;
    }

    /**
     * validate, train, evaluate, register, and promote when the gates allow it. A FAILED
     * validation or gate stops the run before registering, so production is never touched.
     */
    public Outcomes.Run run() {
        return run(Map.of(), null);
    }

    /**
     * {@link #run()}, registering the version with these extra {@code tags} and {@code description}
     * (the reason of its register history entry), e.g. {@code retrain_trigger} from {@code mlgate run --trigger}.
     */
    public Outcomes.Run run(Map<String, String> registerTags, String registerDescription) {
        List<String> messages = new ArrayList<>();
        Outcomes.Validation validation = validate(null);
        messages.addAll(validation.messages());
        if (validation.status() == GateStatus.FAILED) {
            return finishRun(GateStatus.FAILED, "validate", validation, null, null, null, null, messages);
        }
        Outcomes.Training training = train(null);
        messages.addAll(training.messages());
        Outcomes.Evaluation evaluation = evaluate(null, validation);
        messages.addAll(evaluation.messages());
        if (evaluation.status() == GateStatus.FAILED) {
            messages.add("[run]: FAILED - the candidate did not pass the gates; nothing registered, " + PRODUCTION + " unchanged");
            return finishRun(GateStatus.FAILED, "evaluate", validation, training, evaluation, null, null, messages);
        }
        Outcomes.Registration registration = register(null, evaluation, registerTags, registerDescription);
        messages.addAll(registration.messages());
        Outcomes.Promotion promotion = null;
        String target = config.promote().to();
        boolean allowed = evaluation.status() == GateStatus.PASSED || evaluation.status() == GateStatus.INACTIVE
                || (evaluation.status() == GateStatus.WARNING && config.promote().allowWarning());
        if (!"none".equals(target) && allowed) {
            promotion = promote(registration.version(), target, "gates " + evaluation.status() + " in mlgate run", null);
            messages.addAll(promotion.messages());
        } else if (!"none".equals(target)) {
            messages.add("[promote - " + target + "]: WARNING - not promoted: gates " + evaluation.status()
                    + "; promote by hand with 'mlgate promote --version " + registration.version() + " --to " + target + " --reason ...'");
        }
        GateStatus status = validation.status().worst(evaluation.status());
        return finishRun(status, null, validation, training, evaluation, registration, promotion, messages);
    }

    private Outcomes.Run finishRun(GateStatus status, String stoppedAt, Outcomes.Validation validation, Outcomes.Training training,
            Outcomes.Evaluation evaluation, Outcomes.Registration registration, Outcomes.Promotion promotion, List<String> messages) {
        List<String> files = new ArrayList<>();
        for (StepOutcome step : new StepOutcome[] {validation, training, evaluation, registration, promotion}) {
            if (step != null) {
                files.addAll(step.files());
            }
        }
        Outcomes.Run run = new Outcomes.Run(status, config.model(), stoppedAt, validation, training, evaluation, registration,
                promotion, messages, files);
        writeJson("run.json", run, files);
        return run;
    }

    // ---------------------------------------------------------------- deploy face

    /** The target named by {@code deploy.target} (local server URL and admin token, or the Kubernetes cluster). */
    public DeploymentTarget deploymentTarget() {
        return DeploymentTargets.open(config.deploy(), loaded.baseDir(), env);
    }

    /**
     * The version a deploy means: {@code version} when given, else the one {@code alias} (default
     * production) points at.
     */
    public String deployVersion(String version, String alias) {
        if (version != null && !version.isBlank()) {
            return version;
        }
        String a = alias == null || alias.isBlank() ? PRODUCTION : alias;
        return registry().alias(config.model(), a).map(ModelVersion::version).orElseThrow(() -> DeployException.usage(
                "no version to deploy: " + config.model() + " has no '" + a + "' alias; pass --version V, or promote one first"));
    }

    /**
     * Makes one deploy, promote or rollback on {@code target}, smoke-checked with the first
     * {@code deploy.smoke_rows} rows of {@code data.holdout} (else {@code data.current}); writes
     * {@code deploy.json}. A FAILED outcome (CLI exit 6) has already been rolled back when it could be.
     */
    public DeployOutcome deploy(DeploymentTarget target, DeployRequest request, Clock clock) {
        String holdout = config.data().holdout() != null ? config.data().holdout() : config.data().current();
        List<Map<String, String>> rows = holdout == null ? List.of()
                : SmokeCheck.readRows(loaded.resolve(holdout), config.label(), config.deploy().smokeRows());
        SmokeCheck smoke = new SmokeCheck(rows, v -> ModelArtifact.load(registry().modelDirectory(config.model(), v)).predictor());
        DeployOutcome outcome = new Deployer(registry(), target, smoke, clock).deploy(request);
        List<String> files = new ArrayList<>();
        Path file = outputDir().resolve("deploy.json");
        files.add(file.toString());
        outcome = outcome.withFiles(files);
        AtomicFiles.write(file, toJson(outcome));
        return outcome;
    }

    /**
     * The deploy at the end of {@code mlgate run} (for the CLI/server wiring): when the run promoted
     * a version to production, deploy it to {@code deploy.environment} with {@code deploy.strategy}
     * (a replace when nothing is deployed yet: a shadow needs a stable to mirror). Empty when the run
     * promoted nothing.
     */
    public Optional<DeployOutcome> deployPromoted(Outcomes.Run run, DeploymentTarget target, Clock clock) {
        if (run.promotion() == null || !PRODUCTION.equals(run.promotion().alias())) {
            return Optional.empty();
        }
        Strategy strategy = Strategy.parse(config.deploy().strategy());
        if (strategy != Strategy.REPLACE && !target.current(config.model()).isDeployed()) {
            strategy = Strategy.REPLACE;
        }
        DeployRequest request = new DeployRequest(config.model(), config.deploy().environment(), strategy, run.promotion().version(),
                config.deploy().canaryPercent(), "mlgate run: gates " + run.status() + ", promoted to " + PRODUCTION, null);
        return Optional.of(deploy(target, request, clock));
    }

    /** The routing state and health of the model on {@code target}, checked against the ledger of {@code environment}. */
    public DeployStatus deployStatus(DeploymentTarget target, String environment) {
        String model = config.model();
        String label = "[status - " + environment + "]";
        LedgerState last = new DeploymentLedger(registry()).latest(model, environment).orElse(null);
        String ledgerLine = last == null ? "ledger: no deployment recorded for " + environment : "ledger: " + last.describe();
        TrafficSplit traffic;
        Health health;
        try {
            traffic = target.current(model);
            health = target.health(model);
        } catch (DeployException e) {
            return new DeployStatus(GateStatus.FAILED, model, environment, target.name(), target.endpoint(), null, null, last,
                    List.of(label + ": FAILED - " + e.getMessage(), ledgerLine), List.of());
        }
        GateStatus status;
        String verdict;
        if (!health.ok()) {
            status = GateStatus.FAILED;
            verdict = "unhealthy: " + health.detail();
        } else if (last != null && !last.traffic().equals(traffic)) {
            status = GateStatus.WARNING;
            verdict = "the target serves " + traffic.describe() + " but the ledger says " + last.traffic().describe()
                    + " (changed outside mlgate?)";
        } else {
            status = GateStatus.PASSED;
            verdict = "health: " + health.detail();
        }
        String message = label + ": " + status + " - " + model + " " + traffic.describe() + " on " + target.name() + " " + target.endpoint() + "; " + verdict;
        return new DeployStatus(status, model, environment, target.name(), target.endpoint(), traffic, health, last,
                List.of(message, ledgerLine), List.of());
    }

    /** Writes the operations kit (Prometheus rules, Grafana dashboard) of the model into {@code dir}; default {@code <output>/ops}. */
    public List<Path> opsKit(Path dir, OpsKit.Options options) {
        Path target = dir != null ? dir : outputDir().resolve("ops");
        return OpsKit.write(config.model(), config.task(), contract().contract().drift(), options == null ? OpsKit.Options.defaults() : options, target);
    }

    /** A step's JSON result written earlier into the output directory, or null when absent or unreadable. */
    <T> T readOutcome(String name, Class<T> type) {
        Path file = outputDir().resolve(name);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ConfigLoader.jsonMapper().readValue(file.toFile(), type);
        } catch (IOException e) {
            return null; // an older or foreign file only means the report has no section for it
        }
    }

    private void writeJson(String name, Object outcome, List<String> files) {
        Path file = outputDir().resolve(name);
        files.add(file.toString());
        AtomicFiles.write(file, toJson(outcome));
    }

    /** The JSON form of an outcome (snake_case), as written and as printed by {@code --json}. */
    public static String toJson(Object outcome) {
        try {
            return ConfigLoader.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(outcome) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON for " + outcome.getClass().getSimpleName(), e);
        }
    }
}
