package io.mlgate.core.deploy;

/**
 * What to change.
 *
 * @param model       the model name
 * @param environment the ledger's environment (e.g. production)
 * @param strategy    how
 * @param version     the version to deploy (replace, canary, shadow); null for promote and rollback
 * @param percent     canary share 1..100 (canary only)
 * @param reason      why; recorded in the ledger
 * @param actor       who; null detects the CI or OS user
 */
public record DeployRequest(String model, String environment, Strategy strategy, String version, int percent, String reason, String actor) {
    public DeployRequest {
        if (reason == null || reason.isBlank()) {
            throw DeployException.usage("a " + strategy.id() + " of " + model + " needs a reason (--reason); it goes into the deployment ledger");
        }
    }
}
