package hudson;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

public interface ExtensionPoint {
    @Target(TYPE)
    @Retention(RUNTIME)
    @Documented
    @interface LegacyInstancesAreScopedToHudson {}
}
