package io.mlgate.jenkins;

import hudson.Extension;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Manage Jenkins → System → mlgate; also settable with Configuration as Code:
 * <pre>
 * unclassified:
 *   mlgate:
 *     defaultRegistry: "file:/srv/mlgate/registry"
 *     deployTarget: "local"
 *     adminTokenCredentialsId: "mlgate-admin-token"
 *     approvalEnvironments: "production"
 *     defaultApprovers: "release-managers"
 * </pre>
 */
@Extension
@Symbol("mlgate")
public class MlgateGlobalConfiguration extends GlobalConfiguration {
    private String defaultRegistry;
    private String deployTarget;
    private String adminTokenCredentialsId;
    private String approvalEnvironments = "production";
    private String defaultApprovers;

    public MlgateGlobalConfiguration() {
        load();
    }

    @Override
    public String getDisplayName() {
        return "mlgate";
    }

    public String getDefaultRegistry() { return defaultRegistry; }
    @DataBoundSetter public void setDefaultRegistry(String v) { defaultRegistry = MlgateStep.blankToNull(v); save(); }
    public String getDeployTarget() { return deployTarget; }
    @DataBoundSetter public void setDeployTarget(String v) { deployTarget = MlgateStep.blankToNull(v); save(); }
    public String getAdminTokenCredentialsId() { return adminTokenCredentialsId; }
    @DataBoundSetter public void setAdminTokenCredentialsId(String v) { adminTokenCredentialsId = MlgateStep.blankToNull(v); save(); }
    public String getApprovalEnvironments() { return approvalEnvironments; }
    @DataBoundSetter public void setApprovalEnvironments(String v) { approvalEnvironments = v == null ? "" : v.trim(); save(); }
    public String getDefaultApprovers() { return defaultApprovers; }
    @DataBoundSetter public void setDefaultApprovers(String v) { defaultApprovers = MlgateStep.blankToNull(v); save(); }
}
