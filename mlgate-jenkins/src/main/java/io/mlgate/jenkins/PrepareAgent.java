package io.mlgate.jenkins;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs on the agent against the workspace: finds the agent JVM's Java (Jenkins agents run Java
 * 17+, which the CLI needs), creates {@code <workspace>@tmp/mlgate/} and says whether the CLI jar of
 * this plugin version is already there (named by its digest, checked by size).
 */
public final class PrepareAgent extends MasterToSlaveFileCallable<AgentInfo> {
    private static final long serialVersionUID = 1L;

    private final String jarName;
    private final long jarSize;
    private final String javaHome;

    /**
     * @param javaHome a Java home to use instead of the agent JVM's, or null
     */
    public PrepareAgent(String jarName, long jarSize, String javaHome) {
        this.jarName = jarName;
        this.jarSize = jarSize;
        this.javaHome = javaHome;
    }

    @Override
    public AgentInfo invoke(File workspace, VirtualChannel channel) throws IOException {
        File tmp = new File(workspace.getParentFile(), workspace.getName() + "@tmp" + File.separator + "mlgate");
        if (!tmp.isDirectory() && !tmp.mkdirs()) {
            throw new IOException("cannot create " + tmp + " on the agent; check the workspace permissions");
        }
        File jar = new File(tmp, jarName);
        boolean present = jar.isFile() && jar.length() == jarSize;
        String home = javaHome != null && !javaHome.isBlank() ? javaHome : System.getProperty("java.home");
        boolean windows = File.separatorChar == '\\';
        File java = new File(new File(home, "bin"), windows ? "java.exe" : "java");
        if (!java.isFile()) {
            throw new IOException("no Java at " + java + " on the agent; set javaHome: to a Java 17+ home");
        }
        return new AgentInfo(java.getAbsolutePath(), jar.getAbsolutePath(), present);
    }
}
