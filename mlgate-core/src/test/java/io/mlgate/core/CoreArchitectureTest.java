package io.mlgate.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine stays free of every face: no Jenkins, Stapler, picocli or HTTP-server types in core. */
@AnalyzeClasses(packages = "io.mlgate.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreImportsNoFaceTypes = noClasses()
            .that().resideInAPackage("io.mlgate.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..",
                    "picocli..", "me.tongfei..",
                    "org.eclipse.jetty..", "com.sun.net.httpserver..", "jakarta.servlet..", "javax.servlet..",
                    "io.prometheus.metrics.exporter..")
            .because("mlgate-core holds the rules; the Jenkins plugin, the CLI and the model server only adapt (ARCHITECTURE.md §1)");

    @ArchTest
    static final ArchRule coreDoesNotUseJavaSerialization = noClasses()
            .that().resideInAPackage("io.mlgate.core..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
            .because("models are read as Tribuo protobuf, never Java serialization (ARCHITECTURE.md §5)");
}
