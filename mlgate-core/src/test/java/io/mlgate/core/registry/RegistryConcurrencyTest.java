package io.mlgate.core.registry;

import static io.mlgate.core.registry.RegistryFixtures.artifacts;
import static io.mlgate.core.registry.RegistryFixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.ConfigLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent builds registering into one registry get distinct versions and a consistent index. */
class RegistryConcurrencyTest {

    private static final int WRITERS = 8;

    @TempDir
    Path tmp;

    @Test
    void eightProcessesRegisteringAtOnceGetVersionsOneToEight() throws Exception {
        Path root = tmp.resolve("registry");
        Path art = artifacts(tmp.resolve("art"), "shared model");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Path log = tmp.resolve("process-" + i + ".log");
            processes.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    RegisterProcessMain.class.getName(), root.toString(), art.toString(), Integer.toString(i))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            Process process = processes.get(i);
            boolean done = process.waitFor(120, TimeUnit.SECONDS);
            if (!done) {
                processes.forEach(Process::destroyForcibly);
            }
            List<String> output = lines(tmp.resolve("process-" + i + ".log"));
            assertThat(done).as("process %d finished; output: %s", i, output).isTrue();
            assertThat(process.exitValue()).as("process %d exit; output: %s", i, output).isZero();
            printed.add(output.get(output.size() - 1).trim());
        }

        assertThat(printed).containsExactlyInAnyOrderElementsOf(oneToEight());
        assertConsistent(root);
    }

    @Test
    void eightThreadsRegisteringAtOnceGetVersionsOneToEight() throws Exception {
        Path root = tmp.resolve("registry");
        Path art = artifacts(tmp.resolve("art"), "shared model");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    // A registry object per thread, as separate builds in one JVM (a Jenkins controller) would have.
                    return new FileModelRegistry(root, Map.of(), RegistryFixtures.CLOCK).register(new RegisterRequest("credit-risk", art,
                            Map.of("auc", 0.8), "PASSED", List.of(), Lineage.unknown(), Map.of("thread", "" + n), "thread " + n)).version();
                }));
            }
            start.countDown();
            List<String> versions = new ArrayList<>();
            for (Future<String> result : results) {
                versions.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(versions).containsExactlyInAnyOrderElementsOf(oneToEight());
        } finally {
            pool.shutdownNow();
        }
        assertConsistent(root);
    }

    private static List<String> oneToEight() {
        return IntStream.rangeClosed(1, WRITERS).mapToObj(Integer::toString).toList();
    }

    private static void assertConsistent(Path root) throws Exception {
        FileModelRegistry registry = new FileModelRegistry(root, Map.of(), RegistryFixtures.CLOCK);
        assertThat(registry.versions("credit-risk")).extracting(ModelVersion::version).containsExactlyElementsOf(oneToEight());
        IndexFile index = RegistryJson.read(root.resolve("credit-risk/index.json"), IndexFile.class);
        assertThat(index.versions()).extracting(IndexFile.Entry::version).containsExactlyElementsOf(oneToEight());
        List<String> history = lines(root.resolve("credit-risk/history.jsonl"));
        assertThat(history).hasSize(WRITERS);
        for (String line : history) {
            assertThat(ConfigLoader.jsonMapper().readTree(line).get("action").asText()).isEqualTo("register");
        }
        assertThat(registry.history("credit-risk")).extracting(HistoryEntry::version).containsExactlyInAnyOrderElementsOf(oneToEight());
        assertThat(root.resolve("credit-risk").toFile().list((File dir, String name) -> name.startsWith(".tmp-"))).isEmpty();
    }
}
