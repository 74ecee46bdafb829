package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * @param requiredFor environments whose deploys pause for an approval
 * @param approvers   users or groups allowed to decide
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApprovalSpec(List<String> requiredFor, List<String> approvers) {
    public ApprovalSpec {
        requiredFor = requiredFor == null ? List.of() : List.copyOf(requiredFor);
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }
}
