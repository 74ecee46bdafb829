package io.mlgate.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records the per-epoch training loss of Tribuo's SGD trainers. Tribuo exposes it only as a log
 * line ("At iteration N, average loss = X") every {@code loggingInterval} minibatches; with the
 * interval set to one epoch of minibatches each line is one epoch. While recording, the SGD
 * loggers do not print to the console.
 */
final class SgdLossRecorder implements AutoCloseable {
    private static final Pattern LOSS = Pattern.compile("average loss = (\\S+)");
    // held strongly: java.util.logging keeps loggers weakly and would drop our settings
    private static final Logger SGD = Logger.getLogger("org.tribuo.common.sgd");

    private final List<double[]> points = new ArrayList<>();
    private final double scale;
    private final Handler handler;
    private final boolean parentHandlers;
    private final Level level;

    /**
     * @param batchesPerEpoch the logging interval used (minibatches per epoch)
     * @param totalWeight     sum of example weights, to turn the logged sum into a mean loss
     */
    SgdLossRecorder(int batchesPerEpoch, double totalWeight) {
        this.scale = totalWeight > 0 ? batchesPerEpoch / totalWeight : 1.0;
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String msg = record.getMessage();
                if (msg == null) {
                    return;
                }
                Matcher m = LOSS.matcher(msg);
                if (m.find()) {
                    try {
                        // Tribuo logs the objective's value, which for LogMulticlass is the log-likelihood
                        // (<= 0); its magnitude is the loss
                        points.add(new double[] {points.size() + 1, Math.abs(Double.parseDouble(m.group(1)) * scale)});
                    } catch (NumberFormatException ignored) {
                        // not a loss line after all
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        synchronized (SGD) {
            parentHandlers = SGD.getUseParentHandlers();
            level = SGD.getLevel();
            SGD.setUseParentHandlers(false);
            SGD.setLevel(Level.INFO);
            SGD.addHandler(handler);
        }
    }

    List<double[]> points() {
        return List.copyOf(points);
    }

    @Override
    public void close() {
        synchronized (SGD) {
            SGD.removeHandler(handler);
            SGD.setUseParentHandlers(parentHandlers);
            SGD.setLevel(level);
        }
    }
}
