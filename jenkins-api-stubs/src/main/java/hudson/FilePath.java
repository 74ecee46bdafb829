package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    public FilePath(File localPath) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public String getRemote() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public String getName() {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public FilePath withSuffix(String suffix) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public void copyFrom(InputStream in) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub: provided by Jenkins at run time");
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
