package io.mlgate.core.evaluate;

/**
 * One point of a ROC curve (x = false positive rate, y = true positive rate) or of a
 * precision-recall curve (x = recall, y = precision).
 *
 * @param x         false positive rate (ROC) or recall (PR)
 * @param y         true positive rate (ROC) or precision (PR)
 * @param threshold rows with a positive score at or above this are predicted positive; the
 *                  first point of a curve (nothing predicted positive) has +Infinity, as sklearn
 */
public record CurvePoint(double x, double y, double threshold) {
}
