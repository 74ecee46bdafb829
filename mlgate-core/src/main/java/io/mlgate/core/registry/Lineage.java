package io.mlgate.core.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a model version came from: the code, the CI run, the data and config digests, the
 * trainer and the runtime. Any field may be null when it is unknown (a laptop without git, a
 * CI without a job URL); unknown is recorded as absent, never guessed.
 *
 * @param gitCommit    full commit id
 * @param gitBranch    branch or ref name
 * @param ciJobUrl     URL of the CI job (Jenkins BUILD_URL, GitLab CI_JOB_URL)
 * @param ciPipelineId GitLab pipeline id or Jenkins build tag
 * @param dataSha256   digest of the training data
 * @param configSha256 digest of the pipeline configuration
 * @param trainer      trainer name or description
 * @param javaVersion  Java runtime version and vendor
 * @param os           operating system name, version and architecture
 * @param user         who started the run
 * @param extra        further facts (ci system, job name, build number, tribuo version, ...)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Lineage(
        String gitCommit,
        String gitBranch,
        String ciJobUrl,
        String ciPipelineId,
        String dataSha256,
        String configSha256,
        String trainer,
        String javaVersion,
        String os,
        String user,
        Map<String, String> extra) {

    /** Upper bound for asking git; a hung git must not stall a build. */
    static final long GIT_TIMEOUT_SECONDS = 5;

    public Lineage {
        extra = Maps.sorted(extra);
    }

    /** Lineage with every field unknown. */
    public static Lineage unknown() {
        return new Lineage(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Collects lineage from CI environment variables (Jenkins and GitLab), falling back to
     * {@code git rev-parse} in {@code workDir} for the commit and branch.
     *
     * @param env          environment variables, usually {@code System.getenv()}
     * @param workDir      directory to ask git in; may be null to skip git
     * @param dataSha256   digest of the training data, null when unknown
     * @param configSha256 digest of the configuration, null when unknown
     * @param trainer      trainer description, null when unknown
     */
    public static Lineage detect(Map<String, String> env, Path workDir, String dataSha256, String configSha256, String trainer) {
        Map<String, String> e = env == null ? Map.of() : env;
        String commit = first(e, "GIT_COMMIT", "CI_COMMIT_SHA");
        String branch = first(e, "GIT_BRANCH", "CI_COMMIT_REF_NAME");
        if (commit == null || branch == null) {
            List<String> git = gitHeadAndBranch(workDir);
            if (commit == null && !git.isEmpty()) {
                commit = git.get(0);
            }
            // A detached HEAD (the usual CI checkout) reports "HEAD", which names no branch.
            if (branch == null && git.size() > 1 && !"HEAD".equals(git.get(1))) {
                branch = git.get(1);
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        if (e.containsKey("GITLAB_CI")) {
            extra.put("ci", "gitlab");
        } else if (e.containsKey("JENKINS_URL") || e.containsKey("BUILD_URL")) {
            extra.put("ci", "jenkins");
        }
        putIfPresent(extra, "job_name", first(e, "JOB_NAME", "CI_JOB_NAME"));
        putIfPresent(extra, "build_number", first(e, "BUILD_NUMBER", "CI_JOB_ID"));
        putIfPresent(extra, "project", first(e, "CI_PROJECT_PATH"));
        extra.put("tribuo_version", org.tribuo.Tribuo.VERSION);
        return new Lineage(
                commit,
                branch,
                first(e, "BUILD_URL", "CI_JOB_URL"),
                first(e, "CI_PIPELINE_ID", "BUILD_TAG"),
                dataSha256,
                configSha256,
                trainer,
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                detectUser(e),
                extra);
    }

    /** Who runs this: the CI user that started the build, else the OS user. */
    public static String detectUser(Map<String, String> env) {
        String user = env == null ? null : first(env, "BUILD_USER_ID", "GITLAB_USER_LOGIN");
        return user != null ? user : System.getProperty("user.name");
    }

    private static String first(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** [commit, branch] from git, or empty when git is absent, slow, or this is no repository. */
    private static List<String> gitHeadAndBranch(Path workDir) {
        if (workDir == null || !Files.isDirectory(workDir)) {
            return List.of();
        }
        Process process = null;
        try {
            process = new ProcessBuilder("git", "rev-parse", "HEAD", "--abbrev-ref", "HEAD")
                    .directory(workDir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            // The output is two short lines; it fits any pipe buffer, so reading after the wait cannot deadlock.
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return List.of();
            }
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> lines = out.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
            return lines.isEmpty() || !lines.get(0).matches("[0-9a-f]{40,64}") ? List.of() : lines;
        } catch (IOException e) {
            return List.of(); // git is not installed: lineage simply has no commit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
