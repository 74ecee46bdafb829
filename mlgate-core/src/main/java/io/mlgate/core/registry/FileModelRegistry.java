package io.mlgate.core.registry;

import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.util.AtomicFiles;
import io.mlgate.core.util.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The default registry: plain files, safe for concurrent builds on one machine or a shared
 * filesystem with working POSIX locks.
 *
 * <pre>
 * &lt;root&gt;/&lt;model&gt;/versions/&lt;n&gt;/      the artifact files + version.json (immutable)
 * &lt;root&gt;/&lt;model&gt;/index.json           version summary + aliases (atomically rewritten)
 * &lt;root&gt;/&lt;model&gt;/history.jsonl        one JSON object per line (append-only, fsynced)
 * &lt;root&gt;/&lt;model&gt;/.lock                the per-model lock file
 * </pre>
 *
 * <p>A version is staged in a temporary directory next to {@code versions/} (files copied and
 * hashed outside the lock), then, under the lock, numbered max+1, given its version.json last
 * and renamed into place: a reader sees a whole version or none. Existing version directories
 * are never written again. The version directories are the truth about which versions exist;
 * a missing or unreadable index is rebuilt from them, with aliases replayed from the history,
 * and the repair is recorded in the history.
 */
public final class FileModelRegistry implements ModelRegistry {

    static final String VERSIONS = "versions";
    static final String INDEX = "index.json";
    static final String HISTORY = "history.jsonl";
    static final String VERSION_FILE = "version.json";
    static final String LOCK = ".lock";
    private static final String STAGING_PREFIX = ".tmp-";
    /** Staging directories older than this were left by a crashed writer. */
    private static final Duration STALE_STAGING = Duration.ofHours(24);

    /**
     * FileChannel locks belong to the whole JVM: a second lock from another thread throws
     * OverlappingFileLockException instead of waiting. Threads therefore queue on this lock first.
     */
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final Map<String, String> env;
    private final Clock clock;

    /** A registry rooted at {@code root}, using the process environment and the system clock. */
    public FileModelRegistry(Path root) {
        this(root, System.getenv(), Clock.systemUTC());
    }

    /**
     * @param root  registry directory (created on first write)
     * @param env   environment for detecting the actor and default lineage
     * @param clock time source for created/at stamps
     */
    public FileModelRegistry(Path root, Map<String, String> env, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.env = env == null ? Map.of() : Map.copyOf(env);
        this.clock = clock;
    }

    /** The registry directory. */
    public Path root() {
        return root;
    }

    // ---------------------------------------------------------------- register

    @Override
    public ModelVersion register(RegisterRequest request) {
        String model = RegistryRules.checkRequest(request);
        Path artifactDir = checkArtifactDir(model, request.artifactDir());
        RegistryRules.checkMetrics(model, request.metrics());
        Lineage lineage = RegistryRules.lineage(request, env);
        Path modelDir = modelDir(model);
        createDirectories(modelDir);
        Path staging = modelDir.resolve(STAGING_PREFIX + UUID.randomUUID());
        try {
            // Copying and hashing can take a while; do it before taking the lock.
            Map<String, String> files = stage(artifactDir, staging);
            String sha256 = RegistryRules.versionDigest(files);
            return locked(model, () -> {
                IndexFile index = indexForWrite(model);
                long next = Math.max(maxVersionDirNumber(model),
                        index.versions().stream().mapToLong(e -> versionNumber(e.version())).max().orElse(0)) + 1;
                String version = Long.toString(next);
                VersionFile file = new VersionFile(VersionFile.FORMAT, model, version, clock.instant(), sha256, files,
                        request.metrics(), request.gateStatus(), request.gateMessages(), lineage, request.tags(), request.description());
                // version.json last: it is what makes a directory a version.
                AtomicFiles.write(staging.resolve(VERSION_FILE), RegistryJson.pretty(file));
                Path versionsDir = modelDir.resolve(VERSIONS);
                createDirectories(versionsDir);
                moveIntoPlace(staging, versionsDir.resolve(version));
                IndexFile updated = index.withVersion(IndexFile.Entry.of(file));
                writeIndex(model, updated);
                appendLine(model, RegistryRules.registerEntry(request, version, file.created(), sha256, lineage, env));
                cleanStaleStaging(modelDir);
                return file.toModelVersion(updated.aliasesOf(version));
            });
        } finally {
            RegistryRules.deleteQuietly(staging);
        }
    }

    private static Path checkArtifactDir(String model, Path artifactDir) {
        RegistryRules.checkArtifactDir(model, artifactDir);
        if (Files.exists(artifactDir.resolve(VERSION_FILE))) {
            throw new RegistryException("Cannot register " + model + ": " + artifactDir.resolve(VERSION_FILE)
                    + " would collide with the registry's own " + VERSION_FILE + "; rename or remove that file");
        }
        return artifactDir;
    }

    /** Copies every regular file under {@code source} into {@code staging}; returns name -> sha256 of the copies. */
    private static Map<String, String> stage(Path source, Path staging) {
        createDirectories(staging);
        Map<String, String> files = new TreeMap<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(source)) {
            sources = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list artifact directory " + source + ": " + e.getMessage(), e);
        }
        if (sources.isEmpty()) {
            throw new RegistryException("Cannot register: artifact directory " + source + " holds no files; train the model first");
        }
        for (Path file : sources) {
            String name = source.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            Path target = staging.resolve(name);
            AtomicFiles.copy(file, target);
            // Hash the copy, so the recorded digest describes what the registry holds.
            files.put(name, Digests.sha256(target));
        }
        return files;
    }

    private static void moveIntoPlace(Path staging, Path target) {
        if (Files.exists(target)) {
            // Cannot happen under the lock with max+1 numbering; refuse rather than overwrite.
            throw new RegistryException("Version directory " + target + " already exists; registry versions are never overwritten");
        }
        try {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new RegistryException("Version directory " + target + " already exists; registry versions are never overwritten", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staging + " to " + target + ": " + e.getMessage(), e);
        }
        fsyncDirectory(target.getParent());
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<ModelVersion> version(String model, String version) {
        RegistryRules.checkModel(model);
        Optional<VersionFile> file = readVersion(model, version);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        IndexFile index = indexForRead(model);
        return Optional.of(file.get().toModelVersion(index.aliasesOf(file.get().version())));
    }

    @Override
    public Optional<ModelVersion> alias(String model, String alias) {
        RegistryRules.checkModel(model);
        RegistryRules.checkAlias(alias);
        IndexFile index = indexForRead(model);
        String version = index.aliases().get(alias);
        if (version == null) {
            return Optional.empty();
        }
        return readVersion(model, version).map(f -> f.toModelVersion(index.aliasesOf(f.version())));
    }

    @Override
    public List<ModelVersion> versions(String model) {
        RegistryRules.checkModel(model);
        IndexFile index = indexForRead(model);
        List<ModelVersion> result = new ArrayList<>();
        for (String version : versionDirNames(model)) {
            readVersion(model, version).ifPresent(f -> result.add(f.toModelVersion(index.aliasesOf(f.version()))));
        }
        return List.copyOf(result);
    }

    @Override
    public List<String> models() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isDirectory(p.resolve(VERSIONS)))
                    .map(p -> p.getFileName().toString())
                    .filter(name -> PipelineConfig.MODEL_NAME.matcher(name).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list registry " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<HistoryEntry> history(String model) {
        RegistryRules.checkModel(model);
        Path file = modelDir(model).resolve(HISTORY);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(RegistryJson.read(line, HistoryEntry.class));
            } catch (IOException e) {
                // A writer that crashed mid-append leaves a torn line; the entries around it stand.
            }
        }
        return List.copyOf(entries);
    }

    @Override
    public Path modelDirectory(String model, String version) {
        RegistryRules.checkModel(model);
        VersionFile file = readVersion(model, version).orElseThrow(() -> unknownVersion(model, version));
        Path dir = versionDir(model, file.version());
        List<String> problems = new ArrayList<>();
        file.files().forEach((name, sha) -> {
            Path path = dir.resolve(name);
            if (!Files.isRegularFile(path)) {
                problems.add(name + " is missing");
            } else {
                String actual = Digests.sha256(path);
                if (!actual.equals(sha)) {
                    problems.add(name + " has sha256 " + actual + ", registered " + sha);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new RegistryException("Version " + version + " of " + model + " in " + dir + " was changed after registration: "
                    + String.join("; ", problems) + ". Restore the files from a backup or register a new version.");
        }
        return dir;
    }

    // ---------------------------------------------------------------- aliases and history

    @Override
    public AliasChange promote(String model, String version, String alias, String reason, String actor, Map<String, String> approval) {
        RegistryRules.checkPromote(model, version, alias, reason);
        String who = RegistryRules.actor(actor, env);
        return locked(model, () -> {
            IndexFile index = indexForWrite(model);
            VersionFile file = readVersion(model, version).orElseThrow(() -> unknownVersion(model, version));
            String target = file.version();
            return apply(index, RegistryRules.promotion(clock.instant(), model, target, alias, index.aliases().get(alias), who,
                    reason, approval, env));
        });
    }

    @Override
    public AliasChange demote(String model, String alias, String reason, String actor) {
        RegistryRules.checkDemote(model, alias, reason);
        String who = RegistryRules.actor(actor, env);
        return locked(model, () -> {
            IndexFile index = indexForWrite(model);
            return apply(index, RegistryRules.demotion(clock.instant(), model, alias, index.aliases().get(alias), who, reason));
        });
    }

    /** Records a promote or demote that changes something, then moves the alias (caller holds the lock). */
    private AliasChange apply(IndexFile index, AliasChange change) {
        if (change.changed()) {
            // History first: a move must never happen without its record.
            appendLine(change.model(), change.entry());
            writeIndex(change.model(), index.withAlias(change.alias(), change.version()));
        }
        return change;
    }

    @Override
    public void appendHistory(HistoryEntry entry) {
        String model = RegistryRules.checkHistoryEntry(entry);
        if (!Files.isDirectory(modelDir(model).resolve(VERSIONS))) {
            throw RegistryRules.noSuchModel(entry, root.toString(), models());
        }
        HistoryEntry complete = RegistryRules.completed(entry, clock::instant, env);
        locked(model, () -> {
            appendLine(model, complete);
            return null;
        });
    }

    // ---------------------------------------------------------------- index

    /** The index as readers see it: the file, or an in-memory rebuild when it is missing or unreadable. */
    private IndexFile indexForRead(String model) {
        Path file = modelDir(model).resolve(INDEX);
        if (!Files.exists(file)) {
            return versionDirNames(model).isEmpty() ? IndexFile.empty(model) : rebuildIndex(model);
        }
        try {
            return RegistryJson.read(file, IndexFile.class);
        } catch (IOException | RuntimeException e) {
            return rebuildIndex(model);
        }
    }

    /**
     * The index for a writer (caller holds the lock): repaired and persisted when it is missing,
     * unreadable or disagrees with the version directories (a writer crashed between the rename
     * and the index write).
     */
    private IndexFile indexForWrite(String model) {
        Path file = modelDir(model).resolve(INDEX);
        List<String> dirs = versionDirNames(model);
        String problem = null;
        IndexFile index = null;
        if (!Files.exists(file)) {
            if (dirs.isEmpty()) {
                return IndexFile.empty(model);
            }
            problem = INDEX + " was missing";
        } else {
            try {
                index = RegistryJson.read(file, IndexFile.class);
            } catch (IOException | RuntimeException e) {
                problem = INDEX + " was unreadable (" + firstLine(e.getMessage()) + ")";
                moveAside(file);
            }
        }
        if (index != null) {
            List<String> indexed = index.versions().stream().map(IndexFile.Entry::version).toList();
            List<String> missing = dirs.stream().filter(v -> !indexed.contains(v)).toList();
            if (missing.isEmpty()) {
                return index;
            }
            // Keep the aliases this index has; add the versions it lacks.
            IndexFile repaired = index;
            for (String version : missing) {
                Optional<VersionFile> v = readVersion(model, version);
                if (v.isPresent()) {
                    repaired = repaired.withVersion(IndexFile.Entry.of(v.get()));
                }
            }
            writeIndex(model, repaired);
            return repaired;
        }
        IndexFile rebuilt = rebuildIndex(model);
        writeIndex(model, rebuilt);
        appendLine(model, new HistoryEntry(clock.instant(), model, HistoryEntry.ACTION_REPAIR, null, null, null, RegistryRules.actor(null, env),
                problem + "; rebuilt from " + VERSIONS + "/ and the history",
                Map.of("versions", String.valueOf(rebuilt.versions().size()),
                        "aliases", rebuilt.aliases().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")))));
        return rebuilt;
    }

    /** Versions from the directories; aliases replayed from promote/demote history entries. */
    private IndexFile rebuildIndex(String model) {
        IndexFile index = IndexFile.empty(model);
        List<String> existing = new ArrayList<>();
        for (String version : versionDirNames(model)) {
            Optional<VersionFile> file = readVersion(model, version);
            if (file.isPresent()) {
                index = index.withVersion(IndexFile.Entry.of(file.get()));
                existing.add(version);
            }
        }
        for (HistoryEntry entry : history(model)) {
            if (entry.alias() == null) {
                continue;
            }
            if (HistoryEntry.ACTION_PROMOTE.equals(entry.action()) && existing.contains(entry.version())) {
                index = index.withAlias(entry.alias(), entry.version());
            } else if (HistoryEntry.ACTION_DEMOTE.equals(entry.action())) {
                index = index.withAlias(entry.alias(), null);
            }
        }
        return index;
    }

    private void writeIndex(String model, IndexFile index) {
        AtomicFiles.write(modelDir(model).resolve(INDEX), RegistryJson.pretty(index));
    }

    private void moveAside(Path file) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + clock.millis());
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            // Keeping the bad file is harmless: the rebuilt index replaces it atomically.
        }
    }

    // ---------------------------------------------------------------- files and locks

    private void appendLine(String model, HistoryEntry entry) {
        Path file = modelDir(model).resolve(HISTORY);
        byte[] line = (RegistryJson.line(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        // Append-only by design, so this is the one write that is not a temp-file rename: whole
        // lines written at the end of the file under the model lock (every writer takes it), then fsync.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long end = channel.size();
            ByteBuffer buffer = ByteBuffer.wrap(line);
            if (end > 0) {
                // A torn last line from a crashed writer must not swallow this entry.
                ByteBuffer last = ByteBuffer.allocate(1);
                channel.read(last, end - 1);
                if (last.get(0) != '\n') {
                    byte[] separated = new byte[line.length + 1];
                    separated[0] = '\n';
                    System.arraycopy(line, 0, separated, 1, line.length);
                    buffer = ByteBuffer.wrap(separated);
                }
            }
            while (buffer.hasRemaining()) {
                end += channel.write(buffer, end);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    private <T> T locked(String model, Supplier<T> work) {
        Path dir = modelDir(model);
        createDirectories(dir);
        Path lockFile = dir.resolve(LOCK);
        Path key;
        try {
            key = dir.toRealPath().resolve(LOCK);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + dir + ": " + e.getMessage(), e);
        }
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return work.get();
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage()
                    + " (the registry needs a filesystem with working file locks)", e);
        } finally {
            jvmLock.unlock();
        }
    }

    private Optional<VersionFile> readVersion(String model, String version) {
        if (version == null || !version.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        String normalized = Long.toString(Long.parseLong(version));
        Path file = versionDir(model, normalized).resolve(VERSION_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RegistryJson.read(file, VersionFile.class));
        } catch (IOException e) {
            throw new RegistryException("Cannot read " + file + ": " + firstLine(e.getMessage())
                    + "; version files are immutable, restore it from a backup", e);
        }
    }

    /** Names of version directories that hold a version.json, in numeric order. */
    private List<String> versionDirNames(String model) {
        return listNumericDirs(model).stream().filter(v -> Files.isRegularFile(versionDir(model, v).resolve(VERSION_FILE))).toList();
    }

    /** Highest numbered directory, complete or not, so a number is never reused. */
    private long maxVersionDirNumber(String model) {
        return listNumericDirs(model).stream().mapToLong(FileModelRegistry::versionNumber).max().orElse(0);
    }

    private List<String> listNumericDirs(String model) {
        Path dir = modelDir(model).resolve(VERSIONS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("[0-9]{1,18}"))
                    .sorted(Comparator.comparingLong(FileModelRegistry::versionNumber))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static long versionNumber(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void cleanStaleStaging(Path modelDir) {
        Instant cutoff = clock.instant().minus(STALE_STAGING);
        try (Stream<Path> children = Files.list(modelDir)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                if (Files.getLastModifiedTime(child).toInstant().isBefore(cutoff)) {
                    RegistryRules.deleteQuietly(child);
                }
            }
        } catch (IOException e) {
            // Leftover staging directories only cost space; never fail a registration over them.
        }
    }

    private static void fsyncDirectory(Path dir) {
        // Makes the rename durable; not every platform can open a directory, which is fine.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // durability of the rename is then up to the filesystem
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- names and messages

    private Path modelDir(String model) {
        return root.resolve(model);
    }

    private Path versionDir(String model, String version) {
        return modelDir(model).resolve(VERSIONS).resolve(version);
    }

    private RegistryException unknownVersion(String model, String version) {
        return RegistryRules.unknownVersion(model, version, root.toString(), versionDirNames(model), this::models, "");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
