package io.mlgate.core.registry;

/**
 * The outcome of moving (or removing) an alias.
 *
 * @param model           the model
 * @param alias           the alias
 * @param previousVersion where the alias pointed before, null when it was unset
 * @param version         where it points now, null when it was removed
 * @param changed         false when the alias already pointed there (nothing was written)
 * @param entry           the history entry; appended to the history only when {@code changed},
 *                        otherwise it carries a {@code note} detail explaining the no-op
 */
public record AliasChange(String model, String alias, String previousVersion, String version, boolean changed, HistoryEntry entry) {

    /** One line for a console: {@code credit-risk production: 2 -> 3}. */
    public String summary() {
        if (!changed) {
            return model + " " + alias + " already at " + (version == null ? "no version" : "version " + version) + "; nothing changed";
        }
        return model + " " + alias + ": " + (previousVersion == null ? "(none)" : previousVersion)
                + " -> " + (version == null ? "(none)" : version);
    }
}
