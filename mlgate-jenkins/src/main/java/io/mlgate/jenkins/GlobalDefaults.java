package io.mlgate.jenkins;

import hudson.ExtensionList;
import java.io.Serializable;
import java.util.List;

/**
 * The global configuration's values a step falls back to, as a plain value (so argument mapping
 * is tested without Jenkins).
 */
public record GlobalDefaults(String registry, String deployTarget, List<String> approvalEnvironments,
        String approvers, String adminTokenCredentialsId) implements Serializable {

    public static final GlobalDefaults NONE = new GlobalDefaults(null, null, List.of("production"), null, null);

    /** The defaults of this Jenkins (Manage Jenkins → System → mlgate). */
    static GlobalDefaults current() {
        MlgateGlobalConfiguration c = ExtensionList.lookupSingleton(MlgateGlobalConfiguration.class);
        return new GlobalDefaults(c.getDefaultRegistry(), c.getDeployTarget(),
                ApprovalPolicy.parse(c.getApprovalEnvironments()), c.getDefaultApprovers(), c.getAdminTokenCredentialsId());
    }
}
