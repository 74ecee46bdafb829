package hudson;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

public abstract class Launcher {
    protected Launcher(TaskListener listener, VirtualChannel channel) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public final ProcStarter launch() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public final class ProcStarter {
        public ProcStarter cmds(List<String> args) {
            throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
        }

        public ProcStarter pwd(FilePath workDir) {
            throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
        }

        public ProcStarter stdout(OutputStream out) {
            throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
        }

        public ProcStarter stderr(OutputStream err) {
            throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
        }

        public ProcStarter envs(Map<String, String> overrides) {
            throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
        }

        public int join() throws IOException, InterruptedException {
            throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
        }
    }
}
