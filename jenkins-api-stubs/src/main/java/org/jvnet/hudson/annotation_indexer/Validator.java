package org.jvnet.hudson.annotation_indexer;

public interface Validator {
}
