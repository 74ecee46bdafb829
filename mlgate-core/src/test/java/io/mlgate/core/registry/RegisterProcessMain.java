package io.mlgate.core.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Registers one version from a separate JVM, for the multi-process test:
 * {@code RegisterProcessMain <root> <artifactDir> <i>}. Prints the version id it got.
 */
final class RegisterProcessMain {
    private RegisterProcessMain() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        Path artifacts = Path.of(args[1]);
        String i = args[2];
        ModelVersion version = new FileModelRegistry(root).register(new RegisterRequest("credit-risk", artifacts,
                Map.of("auc", 0.8), "PASSED", List.of(), Lineage.unknown(), Map.of("process", i), "process " + i));
        System.out.println(version.version());
    }
}
