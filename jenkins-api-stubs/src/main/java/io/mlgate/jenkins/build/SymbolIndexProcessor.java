package io.mlgate.jenkins.build;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the {@code @Symbol} index that Jenkins' annotation-indexer reads, for builds where the
 * real annotation-indexer processor (not on Maven Central) cannot run.
 *
 * <p>Same format as jenkinsci/lib-annotation-indexer {@code AnnotationProcessorImpl}: the file
 * {@code META-INF/services/annotations/org.jenkinsci.Symbol}, one binary class name per line
 * (nested classes as {@code Outer$Inner}), sorted. {@code Index} reads both that path and the
 * historical {@code META-INF/annotations/}; only the current one is written.
 */
public final class SymbolIndexProcessor extends AbstractProcessor {
    static final String SYMBOL = "org.jenkinsci.Symbol";
    static final String INDEX = "META-INF/services/annotations/" + SYMBOL;

    private final Set<String> classes = new TreeSet<>();
    private final Set<Element> origins = new java.util.HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(SYMBOL);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                Element type = element.getKind() == ElementKind.CLASS ? element : element.getEnclosingElement();
                classes.add(processingEnv.getElementUtils().getBinaryName((TypeElement) type).toString());
                origins.add(element);
            }
        }
        if (round.processingOver() && !classes.isEmpty()) {
            try {
                FileObject out = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX,
                        origins.toArray(new Element[0]));
                try (Writer w = new java.io.OutputStreamWriter(out.openOutputStream(), StandardCharsets.UTF_8)) {
                    for (String name : classes) {
                        w.write(name);
                        w.write(System.lineSeparator());
                    }
                }
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e);
            }
        }
        return false;
    }
}
