package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Gated deploys: allowed user, group member, denied user, GET refused, reason required. Real plugin build only. */
@WithJenkins
class ApprovalITest {
    static WorkflowRun waitingDeploy(JenkinsRule j) throws Exception {
        JenkinsRule.DummySecurityRealm realm = j.createDummySecurityRealm();
        realm.addGroups("bob", "release-managers");
        j.jenkins.setSecurityRealm(realm);
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().toEveryone());
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy");
        p.setDefinition(new CpsFlowDefinition(
                "node { deployModel(environment: 'production', approvers: 'release-managers,alice', version: '1') }", true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("needs an approval from: release-managers,alice", b);
        return b;
    }

    static Page post(JenkinsRule j, WorkflowRun b, String user, String verb, String reason) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login(user);
        wc.setThrowExceptionOnFailingStatusCode(false);
        String id = b.getAction(ApprovalAction.class).getRequests().get(0).getId();
        WebRequest req = new WebRequest(new URL(j.getURL(), b.getUrl() + "mlgate-approval/" + verb), HttpMethod.POST);
        req.setRequestParameters(List.of(new NameValuePair("id", id), new NameValuePair("reason", reason)));
        wc.addCrumb(req);
        return wc.getPage(req);
    }

    @Test
    void aListedUserApprovesAndTheDeployRunsWithTheirNameAndReason(JenkinsRule j) throws Exception {
        WorkflowRun b = waitingDeploy(j);
        assertThat(post(j, b, "alice", "approve", "CAB-1234").getWebResponse().getStatusCode()).isLessThan(400);
        j.waitForCompletion(b);
        j.assertLogContains("approved by alice", b);
        j.assertLogContains("--actor alice", b);
        ApprovalRequest r = b.getAction(ApprovalAction.class).getRequests().get(0);
        assertThat(r.getState()).isEqualTo(ApprovalRequest.State.APPROVED);
        assertThat(r.getReason()).isEqualTo("CAB-1234");
    }

    @Test
    void aGroupMemberMayReject(JenkinsRule j) throws Exception {
        WorkflowRun b = waitingDeploy(j);
        assertThat(post(j, b, "bob", "reject", "metrics too close").getWebResponse().getStatusCode()).isLessThan(400);
        j.assertBuildStatus(hudson.model.Result.FAILURE, j.waitForCompletion(b));
        j.assertLogContains("rejected by bob: metrics too close", b);
    }

    @Test
    void anyoneElseIsRefusedOnTheServer(JenkinsRule j) throws Exception {
        WorkflowRun b = waitingDeploy(j);
        assertThat(post(j, b, "mallory", "approve", "trust me").getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(b.getAction(ApprovalAction.class).getRequests().get(0).isPending()).isTrue();
        assertThat(post(j, b, "alice", "approve", " ").getWebResponse().getStatusCode()).isEqualTo(400);
        b.doStop();
        j.waitForCompletion(b);
    }

    @Test
    void aGetCannotDecide(JenkinsRule j) throws Exception {
        WorkflowRun b = waitingDeploy(j);
        JenkinsRule.WebClient wc = j.createWebClient().login("alice");
        wc.setThrowExceptionOnFailingStatusCode(false);
        Page page = wc.goTo(b.getUrl() + "mlgate-approval/approve?id=x&reason=y", null);
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(405);
        assertThat(b.getAction(ApprovalAction.class).getRequests().get(0).isPending()).isTrue();
        b.doStop();
        j.waitForCompletion(b);
    }
}
