package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeployApprovalRuleTest {
    private static final GlobalDefaults GLOBAL = new GlobalDefaults(null, null, List.of("production"), "release-managers", null);

    @Test
    void listedApproversAlwaysRequireAnApproval() {
        DeployModelStep step = new DeployModelStep();
        step.setEnvironment("staging");
        step.setApprovers("release-managers,alice");
        assertThat(step.requiredApprovers(GLOBAL)).isEqualTo("release-managers,alice");
    }

    @Test
    void aProtectedEnvironmentUsesTheGlobalApprovers() {
        DeployModelStep step = new DeployModelStep();
        step.setEnvironment("production");
        assertThat(step.requiredApprovers(GLOBAL)).isEqualTo("release-managers");
    }

    @Test
    void anUnprotectedEnvironmentDeploysWithoutApproval() {
        DeployModelStep step = new DeployModelStep();
        step.setEnvironment("staging");
        assertThat(step.requiredApprovers(GLOBAL)).isNull();
    }

    @Test
    void aProtectedEnvironmentWithoutApproversIsAConfigurationError() {
        DeployModelStep step = new DeployModelStep();
        assertThatThrownBy(() -> step.requiredApprovers(GlobalDefaults.NONE))
                .hasMessageContaining("environment 'production' needs an approval but no approvers are set");
    }
}
