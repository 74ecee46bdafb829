package io.mlgate.cli;

import io.mlgate.core.deploy.DeployOutcome;
import io.mlgate.core.deploy.DeploymentTarget;
import io.mlgate.core.deploy.DeploymentTargets;
import io.mlgate.core.deploy.ServedPredictions;
import io.mlgate.core.deploy.SmokeCheck;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.pipeline.Outcomes;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run",
        description = {"The whole pipeline: validate -> train -> evaluate -> register, then promote to promote.to",
                "(default production) when the gates pass. A failed validation exits 5 and a failed gate exits 3,",
                "before anything is registered, so production is never touched by a worse model.",
                "With --serve, the promoted model is then deployed to a local model server (started in the",
                "background when none answers at deploy.url) and a sample prediction is printed."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate run --config examples/lending-club/mlgate.yaml --serve",
                "  mlgate run -c mlgate.yaml --set promote.to=staging --json",
                "  mlgate run -c mlgate.yaml --set data.train=data/train.csv --trigger \"$RETRAIN_REASON\""})
final class RunCommand extends PipelineCommand {
    /** The tag of a version registered by {@code run --trigger}: why it was trained. */
    static final String RETRAIN_TRIGGER_TAG = "retrain_trigger";

    @Option(names = "--serve",
            description = "After promoting to production, deploy to a local model server (start one in the background when none answers).")
    boolean serve;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the local model server started by --serve (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--trigger", paramLabel = "REASON",
            description = "Why this run retrains (e.g. \"$RETRAIN_REASON\" from 'mlgate monitor --dotenv'): recorded with the "
                    + "registered version as the tag retrain_trigger and as the reason of its register history entry.")
    String trigger;

    private final List<String> serveLines = new ArrayList<>();
    private DeployOutcome deployed;

    @Override
    StepOutcome execute(Pipeline pipeline) {
        Outcomes.Run run = trigger == null || trigger.isBlank() ? pipeline.run()
                : pipeline.run(Map.of(RETRAIN_TRIGGER_TAG, trigger.strip()), "retrain: " + trigger.strip());
        if (!serve || run.promotion() == null || !Pipeline.PRODUCTION.equals(run.promotion().alias())) {
            if (serve) {
                serveLines.add("[serve]: INACTIVE - nothing promoted to production in this run; no deploy");
            }
            return run;
        }
        var loaded = pipeline.loaded();
        String configuredUrl = loaded.config().deploy().url();
        LocalServer server = LocalServer.ensure(loaded, configuredUrl, port);
        var spec = loaded.config().deploy().withLocalServer(server.url(),
                server.tokenFile() != null ? server.tokenFile().toString() : loaded.config().deploy().adminTokenFile());
        try (DeploymentTarget target = DeploymentTargets.open(spec, loaded.baseDir(), System.getenv())) {
            Optional<DeployOutcome> outcome = pipeline.deployPromoted(run, target, Clock.systemUTC());
            deployed = outcome.orElse(null);
            if (deployed != null && deployed.status() != GateStatus.FAILED) {
                samplePrediction(pipeline, target);
            }
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
        serveLines.add("model server: " + server.url() + (server.pid() > 0
                ? " (pid " + server.pid() + ", log " + server.log() + "); stop it with: kill " + server.pid()
                : " (already running; reused)"));
        return run;
    }

    private void samplePrediction(Pipeline pipeline, DeploymentTarget target) {
        var config = pipeline.loaded().config();
        String holdout = config.data().holdout();
        if (holdout == null) {
            return;
        }
        List<Map<String, String>> rows = SmokeCheck.readRows(pipeline.loaded().resolve(holdout), config.label(), 1);
        if (rows.isEmpty()) {
            return;
        }
        ServedPredictions answer = target.predict(config.model(), rows);
        serveLines.add("sample prediction (first holdout row) from version " + answer.version() + ": "
                + (answer.predictions().isEmpty() ? "{}" : compactJson(answer.predictions().get(0))));
        serveLines.add("try it: curl -s -X POST " + target.endpoint() + "/v1/models/" + config.model()
                + ":predict -H 'Content-Type: application/json' -d '{\"rows\": [" + compactJson(rows.get(0)) + "]}'");
    }

    private static String compactJson(Object value) {
        try {
            return io.mlgate.core.config.ConfigLoader.jsonMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    @Override
    void print(StepOutcome outcome) {
        super.print(outcome);
        PrintWriter human = common.json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        if (deployed != null) {
            deployed.messages().forEach(human::println);
        }
        serveLines.forEach(human::println);
        human.flush();
    }

    @Override
    int exitCode(StepOutcome outcome) {
        Outcomes.Run run = (Outcomes.Run) outcome;
        if ("validate".equals(run.stoppedAt())) {
            return ExitCodes.forValidation(run.status());
        }
        if (deployed != null && deployed.status() == GateStatus.FAILED) {
            return ExitCodes.DEPLOY_FAILED;
        }
        return ExitCodes.forGate(run.status());
    }
}
