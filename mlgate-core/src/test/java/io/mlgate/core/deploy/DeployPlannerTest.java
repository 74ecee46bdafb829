package io.mlgate.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeployPlannerTest {
    private static final TrafficSplit STABLE_2 = TrafficSplit.only("2");

    @Test
    void replaceLeavesOnlyTheNewVersionAndDropsCanaryAndShadow() {
        TrafficSplit current = new TrafficSplit("2", "3", 10, "4");

        assertThat(DeployPlanner.replace(current, "5")).isEqualTo(TrafficSplit.only("5"));
    }

    @Test
    void replaceWorksWhenNothingIsDeployed() {
        assertThat(DeployPlanner.replace(TrafficSplit.none(), "1")).isEqualTo(TrafficSplit.only("1"));
    }

    @Test
    void canaryKeepsTheStableAndSendsThePercentToTheNewVersion() {
        assertThat(DeployPlanner.canary(STABLE_2, "3", 10)).isEqualTo(new TrafficSplit("2", "3", 10, null));
    }

    @Test
    void theFirstCanaryTakesAllTrafficBecauseThereIsNothingToCompareWith() {
        assertThat(DeployPlanner.canary(TrafficSplit.none(), "3", 10)).isEqualTo(TrafficSplit.only("3"));
    }

    @Test
    void canaryOfTheStableVersionItselfIsRefused() {
        assertThatThrownBy(() -> DeployPlanner.canary(STABLE_2, "2", 10))
                .hasMessage("version 2 is already the stable version; a canary must be a different version");
    }

    @Test
    void canaryPercentOutsideOneToHundredIsRefused() {
        assertThatThrownBy(() -> DeployPlanner.canary(STABLE_2, "3", 0)).hasMessageContaining("between 1 and 100, not 0");
        assertThatThrownBy(() -> DeployPlanner.canary(STABLE_2, "3", 101)).hasMessageContaining("between 1 and 100, not 101");
    }

    @Test
    void promoteMakesTheCanaryTheOnlyVersion() {
        assertThat(DeployPlanner.promote(new TrafficSplit("2", "3", 10, null))).isEqualTo(TrafficSplit.only("3"));
    }

    @Test
    void promoteWithoutACanaryIsAUsageError() {
        assertThatThrownBy(() -> DeployPlanner.promote(STABLE_2))
                .isInstanceOf(DeployException.class)
                .hasMessage("there is no canary to promote (stable 2); start one with --strategy canary --percent 10");
    }

    @Test
    void shadowMirrorsToTheNewVersionWhileTheStableAnswers() {
        assertThat(DeployPlanner.shadow(STABLE_2, "3")).isEqualTo(new TrafficSplit("2", null, 0, "3"));
    }

    @Test
    void shadowWithoutAStableVersionIsAUsageError() {
        assertThatThrownBy(() -> DeployPlanner.shadow(TrafficSplit.none(), "3")).hasMessageStartingWith("a shadow needs a stable version");
    }

    @Test
    void rollbackGoesToThePreviousLedgerState() {
        assertThat(DeployPlanner.plan(Strategy.ROLLBACK, TrafficSplit.only("3"), null, 0, STABLE_2)).isEqualTo(STABLE_2);
    }

    @Test
    void rollbackWithoutAnEarlierStateIsAUsageError() {
        assertThatThrownBy(() -> DeployPlanner.rollback(STABLE_2, null))
                .hasMessage("nothing to roll back to: the ledger has no earlier state (now stable 2)");
    }

    @Test
    void unknownStrategyListsTheKnownOnes() {
        assertThatThrownBy(() -> Strategy.parse("blue-green"))
                .hasMessage("unknown deploy strategy 'blue-green'; use one of replace, canary, shadow, promote, rollback");
    }
}
