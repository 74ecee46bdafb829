package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Each step in a real Pipeline (sandboxed), the build page action and the job trend. Real plugin build only. */
@WithJenkins
class StepsITest {
    @Test
    void theStepsRunInAScriptedPipelineAndReturnGroovyMaps(JenkinsRule j) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "scripted");
        ITestSupport.copyExample(j, p);
        p.setDefinition(new CpsFlowDefinition("node {\n" + ITestSupport.trainingSteps() + "}", true));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("[absolute - auc]: PASSED", b);
        j.assertLogContains("gate=PASSED auc=0.", b);
        j.assertLogContains("version=1", b);
        MlgateRunAction action = b.getAction(MlgateRunAction.class);
        assertThat(action.getSteps()).extracting(StepSummary::getCommand).containsExactly("validate", "train", "evaluate", "register");
        assertThat(action.getEvaluation().getFiles()).contains("report.html");
        assertThat(p.getAction(MlgateJobAction.class).getPoints()).hasSize(1);
        j.createWebClient().getPage(b, "mlgate/");
        j.createWebClient().goTo(p.getUrl() + "mlgate-trend/");
    }

    @Test
    void theStepsRunInADeclarativePipeline(JenkinsRule j) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "declarative");
        ITestSupport.copyExample(j, p);
        p.setDefinition(new CpsFlowDefinition("""
                pipeline {
                  agent any
                  stages {
                    stage('validate') { steps { validateData(config: 'lending-club/mlgate.yaml') } }
                    stage('train') { steps { trainModel(config: 'lending-club/mlgate.yaml', set: ['train.params.rounds=20']) } }
                    stage('gate') { steps { evaluateGate(config: 'lending-club/mlgate.yaml') } }
                  }
                }
                """, true));
        j.buildAndAssertSuccess(p);
    }

    @Test
    void aWarningMarksTheBuildUnstableAndAFailureFailsIt(JenkinsRule j) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "drift");
        ITestSupport.copyExample(j, p);
        p.setDefinition(new CpsFlowDefinition("""
                node {
                  def v = validateData(config: 'lending-club/mlgate-drift.yaml', set: ['contract.drift.psi_fail=5'])
                  echo "validation=${v.status}"
                }
                """, true));
        WorkflowRun warned = j.buildAndAssertStatus(Result.UNSTABLE, p);
        j.assertLogContains("validation=WARNING", warned);

        p.setDefinition(new CpsFlowDefinition("node { validateData(config: 'lending-club/mlgate-drift.yaml') }", true));
        WorkflowRun failed = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("[drift - int_rate]: FAILED", failed);

        p.setDefinition(new CpsFlowDefinition("node { validateData(config: 'lending-club/mlgate-drift.yaml', onFailure: 'ERROR'); echo 'not reached' }", true));
        WorkflowRun stopped = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogNotContains("not reached", stopped);
    }

    @Test
    void aRetrainAnswerLeavesTheBuildGreenAndReturnsTheDecision(JenkinsRule j) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "monitor");
        ITestSupport.copyExample(j, p);
        p.setDefinition(new CpsFlowDefinition("""
                node {
                  def m = monitorModel(config: 'lending-club/mlgate.yaml', force: true, record: false)
                  if (m.retrain) { echo "retrain=${m.retrain} reason=${m.reason} triggers=${m.triggers}" }
                  def n = monitorModel(config: 'lending-club/mlgate.yaml')
                  echo "again=${n.retrain} status=${n.status}"
                }
                """, true));

        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("retrain=true reason=on demand (--force) triggers=[on-demand]", b);
        j.assertLogContains("again=false status=INACTIVE", b);
        assertThat(b.getAction(MlgateRunAction.class).getSteps()).extracting(StepSummary::getRetrain).containsExactly(true, false);
    }

    @Test
    void theSnippetGeneratorKnowsTheSteps(JenkinsRule j) throws Exception {
        for (String step : new String[] {"validateData", "trainModel", "evaluateGate", "registerModel", "deployModel", "rollbackModel",
                "monitorModel"}) {
            assertThat(org.jenkinsci.plugins.workflow.steps.StepDescriptor.byFunctionName(step)).as(step).isNotNull();
        }
    }
}
