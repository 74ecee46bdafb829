package io.mlgate.core.registry.mlflow;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SemVer strings GitLab requires for model versions. mlgate numbers its own versions the
 * way GitLab's auto-increment does (a major bump: 1.0.0, 2.0.0, ...), so versions created by
 * mlgate, by the GitLab UI and by other MLflow clients interleave in one order.
 */
record SemVer(long major, long minor, long patch, String preRelease) implements Comparable<SemVer> {

    private static final Pattern PATTERN = Pattern.compile(
            "(0|[1-9][0-9]{0,17})\\.(0|[1-9][0-9]{0,17})\\.(0|[1-9][0-9]{0,17})(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern SHORTHAND = Pattern.compile("[1-9][0-9]{0,17}");

    static Optional<SemVer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PATTERN.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SemVer(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(4)));
    }

    static boolean isSemVer(String text) {
        return parse(text).isPresent();
    }

    /** "3" means "3.0.0" on GitLab, so users can name versions the way they do on MLflow. */
    static String normalize(String version) {
        if (version != null && SHORTHAND.matcher(version.trim()).matches()) {
            return version.trim() + ".0.0";
        }
        return version == null ? null : version.trim();
    }

    static SemVer first() {
        return new SemVer(1, 0, 0, null);
    }

    SemVer nextMajor() {
        return new SemVer(major + 1, 0, 0, null);
    }

    /** Orders version strings: SemVer by precedence, anything else after, by text. */
    static final Comparator<String> ORDER = (a, b) -> {
        Optional<SemVer> x = parse(a);
        Optional<SemVer> y = parse(b);
        if (x.isPresent() && y.isPresent()) {
            return x.get().compareTo(y.get());
        }
        if (x.isPresent() != y.isPresent()) {
            return x.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
    };

    @Override
    public int compareTo(SemVer o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        if (c == 0 && (preRelease == null) != (o.preRelease == null)) {
            // A pre-release sorts before its release.
            c = preRelease == null ? 1 : -1;
        } else if (c == 0 && preRelease != null) {
            c = preRelease.compareTo(o.preRelease);
        }
        return c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
    }
}
