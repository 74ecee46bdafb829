package io.mlgate.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineageTest {

    @TempDir
    Path notARepository;

    @Test
    void jenkinsVariablesAreRead() {
        Map<String, String> env = Map.of(
                "JENKINS_URL", "https://jenkins.example/",
                "GIT_COMMIT", "0123456789abcdef0123456789abcdef01234567",
                "GIT_BRANCH", "origin/main",
                "BUILD_URL", "https://jenkins.example/job/credit/41/",
                "BUILD_TAG", "jenkins-credit-41",
                "BUILD_NUMBER", "41",
                "JOB_NAME", "credit",
                "BUILD_USER_ID", "alice");

        Lineage lineage = Lineage.detect(env, notARepository, "d".repeat(64), "c".repeat(64), "xgboost");

        assertThat(lineage.gitCommit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(lineage.gitBranch()).isEqualTo("origin/main");
        assertThat(lineage.ciJobUrl()).isEqualTo("https://jenkins.example/job/credit/41/");
        assertThat(lineage.ciPipelineId()).isEqualTo("jenkins-credit-41");
        assertThat(lineage.user()).isEqualTo("alice");
        assertThat(lineage.dataSha256()).isEqualTo("d".repeat(64));
        assertThat(lineage.configSha256()).isEqualTo("c".repeat(64));
        assertThat(lineage.trainer()).isEqualTo("xgboost");
        assertThat(lineage.extra()).containsEntry("ci", "jenkins").containsEntry("build_number", "41").containsEntry("job_name", "credit");
    }

    @Test
    void gitlabVariablesAreRead() {
        Map<String, String> env = Map.of(
                "GITLAB_CI", "true",
                "CI_COMMIT_SHA", "89abcdef0123456789abcdef0123456789abcdef",
                "CI_COMMIT_REF_NAME", "feature/x",
                "CI_JOB_URL", "https://gitlab.example/g/p/-/jobs/77",
                "CI_PIPELINE_ID", "1234",
                "GITLAB_USER_LOGIN", "bob");

        Lineage lineage = Lineage.detect(env, notARepository, null, null, null);

        assertThat(lineage.gitCommit()).isEqualTo("89abcdef0123456789abcdef0123456789abcdef");
        assertThat(lineage.gitBranch()).isEqualTo("feature/x");
        assertThat(lineage.ciJobUrl()).isEqualTo("https://gitlab.example/g/p/-/jobs/77");
        assertThat(lineage.ciPipelineId()).isEqualTo("1234");
        assertThat(lineage.user()).isEqualTo("bob");
        assertThat(lineage.extra()).containsEntry("ci", "gitlab");
    }

    @Test
    void outsideCiAndGitTheCommitIsUnknownAndTheOsUserAndRuntimeAreRecorded() {
        Lineage lineage = Lineage.detect(Map.of(), notARepository, null, null, null);

        assertThat(lineage.gitCommit()).isNull();
        assertThat(lineage.gitBranch()).isNull();
        assertThat(lineage.ciJobUrl()).isNull();
        assertThat(lineage.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(lineage.javaVersion()).startsWith(System.getProperty("java.version"));
        assertThat(lineage.os()).startsWith(System.getProperty("os.name"));
        assertThat(lineage.extra()).containsEntry("tribuo_version", "4.3.2").doesNotContainKey("ci");
    }

    @Test
    void aGitCheckoutGivesTheCommitAndBranchWhenCiSaysNothing() throws Exception {
        assumeTrue(git(notARepository, "init", "-q", "-b", "release") == 0, "git is not installed");
        assumeTrue(git(notARepository, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "x") == 0,
                "git cannot commit here");

        Lineage lineage = Lineage.detect(Map.of(), notARepository, null, null, null);

        assertThat(lineage.gitCommit()).matches("[0-9a-f]{40}");
        assertThat(lineage.gitBranch()).isEqualTo("release");
    }

    private static int git(Path dir, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git"));
        command.addAll(java.util.List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
