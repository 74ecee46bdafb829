package io.mlgate.core.config;

import java.io.StringReader;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line and column of a key path in YAML text, so a message can point at the key
 * itself rather than where the parser happened to stop.
 */
public final class YamlLocator {
    private YamlLocator() {
    }

    /** 1-based {line, column} of the key (or element) at the path, or null when not found. */
    public static int[] locate(String text, List<Object> path) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (RuntimeException e) {
            return null;
        }
        Mark mark = null;
        for (Object step : path) {
            if (node instanceof MappingNode mapping && step instanceof String key) {
                Node found = null;
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                        mark = scalar.getStartMark();
                        found = tuple.getValueNode();
                        break;
                    }
                }
                if (found == null) {
                    return null;
                }
                node = found;
            } else if (node instanceof SequenceNode sequence && step instanceof Integer index
                    && index < sequence.getValue().size()) {
                node = sequence.getValue().get(index);
                mark = node.getStartMark();
            } else {
                return null;
            }
        }
        return mark == null ? null : new int[] {mark.getLine() + 1, mark.getColumn() + 1};
    }
}
