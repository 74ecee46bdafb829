package io.mlgate.jenkins;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gated deploys waiting in this controller, by request id. Executions register when they start
 * and again in {@code onResume} after a restart; a decision made while an execution is not yet
 * loaded is already in build.xml, and the execution reads it when it resumes.
 */
final class ApprovalRegistry {
    private static final Map<String, DeployStepExecution> WAITING = new ConcurrentHashMap<>();

    private ApprovalRegistry() {
    }

    static void register(String id, DeployStepExecution execution) {
        WAITING.put(id, execution);
    }

    static void remove(String id) {
        WAITING.remove(id);
    }

    static void notify(ApprovalRequest request) {
        DeployStepExecution execution = WAITING.remove(request.id);
        if (execution != null) {
            execution.decided(request);
        }
    }
}
