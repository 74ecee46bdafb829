package io.mlgate.jenkins;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The command line of one {@code mlgate} invocation, built from step parameters. Blank values are
 * left out so the CLI's own defaults (and mlgate.yaml) apply; only what a user set overrides.
 */
public final class CliArguments implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final List<String> args = new ArrayList<>();

    public CliArguments(String command) {
        this.command = command;
        args.add(command);
        args.add("--json");
        args.add("--no-progress");
    }

    /** Adds {@code --name value} when the value is not blank. */
    public CliArguments option(String name, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            args.add(name);
            args.add(String.valueOf(value).trim());
        }
        return this;
    }

    /** Adds a flag without a value ({@code --force}). */
    public CliArguments flag(String name) {
        args.add(name);
        return this;
    }

    /** Adds {@code --name k=v} for each entry; an entry without '=' is a usage error named for the user. */
    public CliArguments pairs(String name, List<String> entries, String parameter) {
        if (entries == null) {
            return this;
        }
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(parameter + ": '" + entry + "' is not KEY=VALUE, e.g. "
                        + parameter + ": ['train.params.depth=4']");
            }
            args.add(name);
            args.add(entry.trim());
        }
        return this;
    }

    /** A copy to extend (the original may be persisted in a waiting execution). */
    public CliArguments copy() {
        CliArguments c = new CliArguments(command);
        c.args.clear();
        c.args.addAll(args);
        return c;
    }

    /** Sets {@code --name value}, replacing an earlier value of the option. */
    public CliArguments replace(String name, String value) {
        int i = args.indexOf(name);
        if (i >= 0 && i + 1 < args.size()) {
            args.set(i + 1, value);
            return this;
        }
        return option(name, value);
    }

    public String command() {
        return command;
    }

    /** The arguments after {@code java -jar mlgate.jar}. */
    public List<String> toList() {
        return Collections.unmodifiableList(args);
    }

    @Override
    public String toString() {
        return String.join(" ", args);
    }
}
