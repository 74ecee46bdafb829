package io.mlgate.jenkins;

import hudson.FilePath;
import java.io.File;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/** Shared setup of the JenkinsRule tests (real plugin build only): the lending-club example in the job's workspace. */
final class ITestSupport {
    private ITestSupport() {
    }

    static void copyExample(JenkinsRule j, WorkflowJob job) throws Exception {
        FilePath workspace = j.jenkins.getWorkspaceFor(job);
        new FilePath(new File("../examples/lending-club")).copyRecursiveTo("**/*", "**/.mlgate/**", workspace.child("lending-club"));
    }

    static String trainingSteps() {
        return """
                validateData(config: 'lending-club/mlgate.yaml')
                trainModel(config: 'lending-club/mlgate.yaml', set: ['train.params.rounds=20'])
                def gate = evaluateGate(config: 'lending-club/mlgate.yaml')
                echo "gate=${gate.status} auc=${gate.metrics.auc}"
                def reg = registerModel(config: 'lending-club/mlgate.yaml')
                echo "version=${reg.version}"
                """;
    }
}
