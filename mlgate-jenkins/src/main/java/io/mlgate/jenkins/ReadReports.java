package io.mlgate.jenkins;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs on the agent: reads the report files the CLI listed (HTML, JSON, JUnit XML, OpenMetrics)
 * so the controller can keep them beside the build. Other files (models, data) are skipped, and so
 * is anything larger than {@code maxBytes}.
 */
public final class ReadReports extends MasterToSlaveFileCallable<LinkedHashMap<String, byte[]>> {
    private static final long serialVersionUID = 1L;
    private static final List<String> KINDS = List.of(".html", ".json", ".xml", ".txt");

    private final List<String> paths;
    private final long maxBytes;

    public ReadReports(List<String> paths, long maxBytes) {
        this.paths = List.copyOf(paths);
        this.maxBytes = maxBytes;
    }

    @Override
    public LinkedHashMap<String, byte[]> invoke(File workspace, VirtualChannel channel) throws IOException {
        LinkedHashMap<String, byte[]> out = new LinkedHashMap<>();
        for (String path : paths) {
            File file = new File(path);
            if (!file.isAbsolute()) {
                file = new File(workspace, path);
            }
            String name = file.getName();
            if (!file.isFile() || file.length() > maxBytes || !KINDS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith)) {
                continue;
            }
            out.putIfAbsent(name, Files.readAllBytes(file.toPath()));
        }
        return out;
    }

    /** Names this callable would keep, for tests and the build page. */
    static boolean isReport(String name) {
        return KINDS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith);
    }
}
