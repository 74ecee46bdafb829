package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A deploy waiting for approval survives a controller restart and is approved afterwards. Real plugin build only. */
class ApprovalRestartITest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void theWaitSurvivesARestart() throws Throwable {
        sessions.then(j -> ApprovalITest.waitingDeploy(j));
        sessions.then(j -> {
            WorkflowJob p = j.jenkins.getItemByFullName("deploy", WorkflowJob.class);
            WorkflowRun b = p.getBuildByNumber(1);
            assertThat(b.isBuilding()).isTrue();
            assertThat(b.getAction(ApprovalAction.class).getRequests().get(0).isPending()).isTrue();
            j.waitForMessage("Resuming build", b);
            assertThat(ApprovalITest.post(j, b, "alice", "approve", "after restart").getWebResponse().getStatusCode()).isLessThan(400);
            j.waitForCompletion(b);
            j.assertLogContains("approved by alice", b);
        });
    }
}
