package io.mlgate.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mlgate.core.monitor.LoggedPrediction;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The opt-in prediction log of {@code mlgate serve --prediction-log DIR}: one JSON line per
 * answered row (request id, time, model, version, inputs, prediction, score, probabilities; see
 * {@link LoggedPrediction}), so that labelled outcomes can be joined later
 * ({@code mlgate monitor --outcomes}, {@code mlgate dataset build}).
 *
 * <p>The request thread only samples and offers the answered request to a bounded queue; one
 * writer thread serialises and appends. A full queue drops the request's rows and counts them
 * ({@code mlgate_prediction_log_dropped_total}) instead of slowing the answer. The log rotates by
 * size: {@code predictions.jsonl} is renamed to {@code predictions.jsonl.1} (the older ones move
 * up) when the next line would take it past {@code maxBytes}, and only {@code files} files are
 * kept, so the log never holds more than {@code files x maxBytes} bytes (a single row larger than
 * {@code maxBytes} gets a file of its own). A log is appended to, not replaced, so it cannot go
 * through {@code AtomicFiles}; a line cut short by a crash is skipped by the reader.
 */
public final class PredictionLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PredictionLog.class.getName());
    private static final JsonFactory JSON = new JsonFactory();
    private static final long FLUSH_AFTER_IDLE_MS = 200;

    /**
     * How the log is kept.
     *
     * @param dir      directory of the log files (created)
     * @param sample   share of requests logged, 0..1 (whole requests, so every row of a logged request is there)
     * @param maxBytes a file is rotated before it would grow past this
     * @param files    files kept, the current one included (at least 1)
     * @param queue    requests waiting for the writer before new ones are dropped
     */
    public record Options(Path dir, double sample, long maxBytes, int files, int queue) {
        public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
        public static final int DEFAULT_FILES = 5;
        public static final int DEFAULT_QUEUE = 10_000;

        public Options {
            if (dir == null) {
                throw new IllegalArgumentException("--prediction-log needs a directory");
            }
            if (!(sample >= 0 && sample <= 1)) {
                throw new IllegalArgumentException("--log-sample must be between 0 and 1, not " + sample);
            }
            if (maxBytes < 1024) {
                throw new IllegalArgumentException("--log-max-bytes must be at least 1024, not " + maxBytes);
            }
            if (files < 1) {
                throw new IllegalArgumentException("--log-files must be at least 1, not " + files);
            }
            if (queue < 1) {
                throw new IllegalArgumentException("the prediction log queue must hold at least 1 request, not " + queue);
            }
        }

        public static Options of(Path dir) {
            return new Options(dir, 1.0, DEFAULT_MAX_BYTES, DEFAULT_FILES, DEFAULT_QUEUE);
        }
    }

    private record Entry(String model, String version, String requestId, Instant time, List<Map<String, String>> rows,
                         List<Map<String, Object>> results) {
    }

    private static final Entry STOP = new Entry(null, null, null, null, List.of(), List.of());

    private final Options options;
    private final Path current;
    private final BlockingQueue<Entry> queue;
    private final Counter dropped;
    private final Counter written;
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final Thread writer;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private OutputStream out;
    private long size;
    private volatile boolean failing;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** Opens (appends to) the log in {@code options.dir()} and starts its writer thread. */
    public PredictionLog(Options options, PrometheusRegistry metrics) {
        this.options = options;
        this.current = options.dir().resolve(LoggedPrediction.FILE);
        this.queue = new ArrayBlockingQueue<>(options.queue());
        this.dropped = Counter.builder().name("mlgate_prediction_log_dropped_total")
                .help("Rows not written to the prediction log: its queue was full or the file could not be written")
                .withoutExemplars().register(metrics);
        this.written = Counter.builder().name("mlgate_prediction_log_rows_total")
                .help("Rows written to the prediction log").withoutExemplars().register(metrics);
        try {
            Files.createDirectories(options.dir());
            size = Files.isRegularFile(current) ? Files.size(current) : 0;
            out = open();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the prediction log in " + options.dir() + ": " + e.getMessage()
                    + "; pass a writable --prediction-log DIR", e);
        }
        this.writer = new Thread(this::writeLoop, "mlgate-prediction-log");
        writer.setDaemon(true);
        writer.start();
    }

    public Options options() {
        return options;
    }

    /**
     * Logs an answered request, if it is sampled. Never blocks and never throws: a full queue
     * drops the rows and counts them.
     */
    public void offer(String model, String version, String requestId, List<Map<String, String>> rows, List<Map<String, Object>> results) {
        if (options.sample() < 1 && (options.sample() == 0 || ThreadLocalRandom.current().nextDouble() >= options.sample())) {
            return;
        }
        offered.incrementAndGet();
        if (!queue.offer(new Entry(model, version, requestId, Instant.now(), rows, results))) {
            offered.decrementAndGet();
            dropped.inc(rows.size());
        }
    }

    /** Rows dropped so far. */
    public long dropped() {
        return (long) dropped.get();
    }

    /** Rows written so far. */
    public long written() {
        return (long) written.get();
    }

    /** Waits until every offered request is written and flushed (tests, shutdown); false on timeout. */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.get() < offered.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void writeLoop() {
        while (true) {
            Entry e;
            try {
                e = queue.poll(FLUSH_AFTER_IDLE_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                break;
            }
            if (e == null) {
                flush();
                continue;
            }
            if (e == STOP) {
                break;
            }
            write(e);
            if (queue.isEmpty()) {
                flush();
            }
            done.incrementAndGet();
        }
        flush();
        try {
            out.close();
        } catch (IOException ex) {
            LOG.log(Level.WARNING, "cannot close the prediction log " + current, ex);
        }
    }

    private void write(Entry e) {
        for (int i = 0; i < e.rows().size(); i++) {
            try {
                byte[] bytes = serialise(e, i);
                if (size > 0 && size + bytes.length > options.maxBytes()) {
                    rotate();
                }
                out.write(bytes);
                size += bytes.length;
                written.inc();
                failing = false;
            } catch (IOException | RuntimeException ex) {
                dropped.inc();
                if (!failing) {
                    failing = true; // log the first failure of a run of them, not every row
                    LOG.log(Level.WARNING, "prediction log " + current + " cannot be written; rows are dropped and counted: " + ex, ex);
                }
            }
        }
    }

    private byte[] serialise(Entry e, int i) throws IOException {
        line.reset();
        Map<String, Object> result = e.results().get(i);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField(LoggedPrediction.REQUEST_ID, e.requestId());
            g.writeNumberField(LoggedPrediction.ROW, i);
            g.writeNumberField(LoggedPrediction.ROWS, e.rows().size());
            g.writeStringField(LoggedPrediction.TIME, e.time().toString());
            g.writeStringField(LoggedPrediction.MODEL, e.model());
            g.writeStringField(LoggedPrediction.VERSION, e.version());
            g.writeObjectFieldStart(LoggedPrediction.INPUTS);
            for (Map.Entry<String, String> c : new java.util.TreeMap<>(e.rows().get(i)).entrySet()) {
                g.writeStringField(c.getKey(), c.getValue());
            }
            g.writeEndObject();
            Object p = result.get("prediction");
            if (p instanceof Number n) {
                g.writeNumberField(LoggedPrediction.PREDICTION, n.doubleValue());
            } else {
                g.writeStringField(LoggedPrediction.PREDICTION, String.valueOf(p));
            }
            if (result.get("score") instanceof Number s) {
                g.writeNumberField(LoggedPrediction.SCORE, s.doubleValue());
            }
            if (result.get("probabilities") instanceof Map<?, ?> probabilities) {
                g.writeObjectFieldStart(LoggedPrediction.PROBABILITIES);
                for (Map.Entry<?, ?> c : probabilities.entrySet()) {
                    g.writeNumberField(String.valueOf(c.getKey()), ((Number) c.getValue()).doubleValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        line.write('\n');
        return line.toByteArray();
    }

    /** predictions.jsonl -> .1 -> .2 ... ; the file past {@code files - 1} is deleted. */
    private void rotate() throws IOException {
        out.close();
        int keep = options.files() - 1;
        if (keep == 0) {
            Files.deleteIfExists(current);
        } else {
            Files.deleteIfExists(rotated(keep));
            for (int k = keep - 1; k >= 1; k--) {
                if (Files.exists(rotated(k))) {
                    Files.move(rotated(k), rotated(k + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(current, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        }
        size = 0;
        out = open();
    }

    private Path rotated(int k) {
        return options.dir().resolve(LoggedPrediction.FILE + "." + k);
    }

    private OutputStream open() throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(current, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 64 * 1024);
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot flush the prediction log " + current, e);
        }
    }

    /** Writes what is queued, then stops the writer (waits up to 5 s). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            queue.put(STOP);
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
