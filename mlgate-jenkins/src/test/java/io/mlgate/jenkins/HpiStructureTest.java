package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged mlgate.hpi has what Jenkins 2.504.3 reads (ARCHITECTURE.md section 7): runs in the
 * Maven Central build after packaging, on target/mlgate.hpi.
 */
class HpiStructureTest {
    private static Path hpi;
    private static Manifest outer;
    private static Manifest inner;
    private static Map<String, byte[]> innerEntries;
    private static List<String> outerEntries;

    @BeforeAll
    static void open() throws IOException {
        hpi = Path.of(System.getProperty("mlgate.hpi", "target/mlgate.hpi"));
        outerEntries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            zip.stream().forEach(e -> outerEntries.add(e.getName()));
            try (InputStream in = zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF"))) {
                outer = new Manifest(in);
            }
            List<String> libs = outerEntries.stream().filter(n -> n.startsWith("WEB-INF/lib/") && n.endsWith(".jar")).toList();
            assertThat(libs).as("WEB-INF/lib holds only the plugin's own classes jar").hasSize(1);
            ZipEntry jar = zip.getEntry(libs.get(0));
            byte[] bytes = zip.getInputStream(jar).readAllBytes();
            try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
                inner = in.getManifest();
            }
            innerEntries = new LinkedHashMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    boolean small = e.getName().startsWith("META-INF/");
                    innerEntries.put(e.getName(), small ? in.readAllBytes() : new byte[0]);
                }
            }
        }
    }

    @Test
    void theOuterManifestNamesThePluginJenkinsAndItsDependencies() {
        Attributes a = outer.getMainAttributes();
        assertThat(a.getValue("Short-Name")).isEqualTo("mlgate");
        assertThat(a.getValue("Long-Name")).isNotBlank();
        assertThat(a.getValue("Plugin-Version")).isNotBlank();
        assertThat(a.getValue("Jenkins-Version")).isEqualTo("2.504.3");
        assertThat(a.getValue("Url")).isNotBlank();
        assertThat(a.getValue("Plugin-Developers")).isNotBlank();
        assertThat(a.getValue("Plugin-Dependencies")).contains("workflow-step-api:704.ve4f0967e98fa_",
                "structs:350.v3b_30f09f2363", "workflow-api:1380.ve03e7a_63d139", "jackson2-api:2.19.2-408.v18248a_324cfe");
    }

    @Test
    void theInnerJarCarriesShortNameAndPluginVersion() {
        assertThat(inner).as("inner jar manifest").isNotNull();
        assertThat(inner.getMainAttributes().getValue("Short-Name")).isEqualTo("mlgate");
        assertThat(inner.getMainAttributes().getValue("Plugin-Version")).isNotBlank();
    }

    @Test
    void theExtensionIndexListsEveryStepDescriptorAndFactory() {
        String index = new String(innerEntries.get("META-INF/annotations/hudson.Extension"), StandardCharsets.ISO_8859_1);
        for (String step : List.of("ValidateDataStep", "TrainModelStep", "EvaluateGateStep", "RegisterModelStep",
                "DeployModelStep", "RollbackModelStep", "MonitorModelStep")) {
            assertThat(index).contains("io.mlgate.jenkins." + step + "$DescriptorImpl");
        }
        assertThat(index).contains("io.mlgate.jenkins.MlgateTrendFactory", "io.mlgate.jenkins.MlgateGlobalConfiguration");
    }

    @Test
    void theSymbolIndexNamesTheGlobalConfiguration() {
        String symbols = new String(innerEntries.get("META-INF/services/annotations/org.jenkinsci.Symbol"), StandardCharsets.UTF_8);
        assertThat(symbols.lines()).containsExactly("io.mlgate.jenkins.MlgateGlobalConfiguration");
    }

    @Test
    void noStubOrJenkinsClassIsBundled() {
        assertThat(outerEntries).filteredOn(n -> n.startsWith("WEB-INF/lib/") && !n.endsWith("/"))
                .singleElement().asString().startsWith("WEB-INF/lib/mlgate-jenkins");
        assertThat(innerEntries.keySet()).filteredOn(n -> n.endsWith(".class"))
                .allMatch(n -> n.startsWith("io/mlgate/jenkins/") && !n.startsWith("io/mlgate/jenkins/build/"));
    }

    @Test
    void theCliJarAndTheViewsAreInside() {
        assertThat(innerEntries).containsKeys("io/mlgate/jenkins/cli/mlgate.jar",
                "io/mlgate/jenkins/EvaluateGateStep/config.jelly", "io/mlgate/jenkins/EvaluateGateStep/help.html",
                "io/mlgate/jenkins/DeployModelStep/help-approvers.html", "io/mlgate/jenkins/MonitorModelStep/config.jelly",
                "io/mlgate/jenkins/MonitorModelStep/help.html", "io/mlgate/jenkins/MonitorModelStep/help-server.html", "io/mlgate/jenkins/ApprovalAction/index.jelly",
                "io/mlgate/jenkins/MlgateRunAction/index.jelly", "io/mlgate/jenkins/MlgateJobAction/jobMain.jelly",
                "io/mlgate/jenkins/MlgateGlobalConfiguration/config.jelly", "index.jelly");
        assertThat(outerEntries).contains("images/mlgate.svg");
    }

    @Test
    void everyStepParameterHasHelp() {
        for (String step : List.of("ValidateDataStep", "TrainModelStep", "EvaluateGateStep", "RegisterModelStep",
                "DeployModelStep", "RollbackModelStep", "MonitorModelStep")) {
            for (String field : List.of("config", "set", "model", "registry", "output", "onFailure", "javaHome")) {
                assertThat(innerEntries).containsKey("io/mlgate/jenkins/" + step + "/help-" + field + ".html");
            }
        }
    }
}
