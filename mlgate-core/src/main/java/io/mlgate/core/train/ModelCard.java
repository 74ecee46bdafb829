package io.mlgate.core.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlgate.core.config.Task;
import java.util.List;
import java.util.Map;

/**
 * What {@code model.json} holds: everything needed to use and audit a model besides the Tribuo
 * file itself.
 *
 * @param name          registry name of the model
 * @param task          classification or regression
 * @param label         the label column
 * @param positive      positive class of a binary problem, else null
 * @param classes       the classes in training (classification), sorted
 * @param threshold     decision threshold applied to the positive score, null otherwise
 * @param trainer       trainer name
 * @param params        trainer params, defaults filled in
 * @param seed          training seed
 * @param classWeights  none or balanced
 * @param encoder       how CSV cells become features
 * @param featureNames  the model's feature names
 * @param trainRows     rows the model was trained on
 * @param dataSha256    sha256 of the training CSV
 * @param configSha256  sha256 of the effective configuration
 * @param created       ISO-8601 creation time
 * @param mlgateVersion mlgate version that trained the model
 * @param tribuoVersion Tribuo version that trained the model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(String name, Task task, String label, String positive, List<String> classes, Double threshold,
                        String trainer, Map<String, Object> params, long seed, String classWeights, FeatureEncoder encoder,
                        List<String> featureNames, long trainRows, String dataSha256, String configSha256, String created,
                        String mlgateVersion, String tribuoVersion) {
}
