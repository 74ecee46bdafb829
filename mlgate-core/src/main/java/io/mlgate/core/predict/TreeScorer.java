package io.mlgate.core.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.tribuo.Output;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;

/**
 * A Tribuo CART tree flattened to arrays. Same walk as {@code TreeModel.predict}: an absent
 * feature reads as 0 (Tribuo's sparse vectors), {@code value > threshold} goes to the
 * greater-than child, anything else (NaN included) to the other one; a leaf answers its stored
 * output and score distribution unchanged.
 */
final class TreeScorer implements RowScorer {
    private final int[] feature;
    private final double[] threshold;
    /** child when greater; for a leaf, -1 - leaf index. */
    private final int[] greater;
    private final int[] lessOrEqual;
    private final double[][] leafValues;
    private final int[] leafPredicted;

    private TreeScorer(int[] feature, double[] threshold, int[] greater, int[] lessOrEqual, double[][] leafValues, int[] leafPredicted) {
        this.feature = feature;
        this.threshold = threshold;
        this.greater = greater;
        this.lessOrEqual = lessOrEqual;
        this.leafValues = leafValues;
        this.leafPredicted = leafPredicted;
    }

    /**
     * Flattens a tree.
     *
     * @param outputs  number of Tribuo outputs
     * @param outputId a leaf output's Tribuo id (-1 unknown)
     * @param values   a leaf's values by output id (probabilities, or the regression value)
     */
    static <T extends Output<T>> TreeScorer compile(Node<T> root, int outputs, ToIntFunction<T> outputId,
                                                    java.util.function.Function<LeafNode<T>, double[]> values) {
        List<Node<T>> nodes = new ArrayList<>();
        List<LeafNode<T>> leaves = new ArrayList<>();
        Map<Node<T>, Integer> index = new java.util.IdentityHashMap<>();
        collect(root, nodes, index);
        int n = nodes.size();
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] greater = new int[n];
        int[] lessOrEqual = new int[n];
        for (int i = 0; i < n; i++) {
            Node<T> node = nodes.get(i);
            if (node instanceof SplitNode<T> split) {
                feature[i] = split.getFeatureID();
                threshold[i] = split.splitValue();
                greater[i] = index.get(split.getGreaterThan());
                lessOrEqual[i] = index.get(split.getLessThanOrEqual());
            } else if (node instanceof LeafNode<T> leaf) {
                greater[i] = -1 - leaves.size();
                leaves.add(leaf);
            } else {
                throw new UnsupportedOperationException("unsupported tree node " + node.getClass().getName());
            }
        }
        double[][] leafValues = new double[leaves.size()][];
        int[] leafPredicted = new int[leaves.size()];
        for (int i = 0; i < leaves.size(); i++) {
            leafValues[i] = values.apply(leaves.get(i));
            if (leafValues[i].length != outputs) {
                throw new UnsupportedOperationException("leaf with " + leafValues[i].length + " values for " + outputs + " outputs");
            }
            leafPredicted[i] = outputId.applyAsInt(leaves.get(i).getOutput());
        }
        return new TreeScorer(feature, threshold, greater, lessOrEqual, leafValues, leafPredicted);
    }

    private static <T extends Output<T>> void collect(Node<T> node, List<Node<T>> nodes, Map<Node<T>, Integer> index) {
        // iterative pre-order so a deep tree cannot overflow the stack
        java.util.ArrayDeque<Node<T>> stack = new java.util.ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            Node<T> n = stack.pop();
            index.put(n, nodes.size());
            nodes.add(n);
            if (n instanceof SplitNode<T> split) {
                stack.push(split.getLessThanOrEqual());
                stack.push(split.getGreaterThan());
            }
        }
    }

    @Override
    public int score(double[] x, double[] out) {
        int n = 0;
        while (greater[n] >= 0) {
            double v = x[feature[n]];
            if (v != v) {
                v = 0.0;
            }
            n = v > threshold[n] ? greater[n] : lessOrEqual[n];
        }
        int leaf = -1 - greater[n];
        System.arraycopy(leafValues[leaf], 0, out, 0, out.length);
        return leafPredicted[leaf];
    }

    @Override
    public String describe() {
        return "cart: " + feature.length + " nodes, " + leafValues.length + " leaves";
    }
}
