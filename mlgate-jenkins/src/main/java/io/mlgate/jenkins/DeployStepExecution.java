package io.mlgate.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A deploy to a protected environment: pauses the build (like {@code input}) until an approver
 * decides on the build page or the timeout passes, then runs {@code mlgate deploy} with the
 * approver as {@code --actor} and their reason. The execution is serialized with the Pipeline
 * program, so the pause survives a controller restart ({@link #onResume}); the decision itself is
 * in build.xml ({@link ApprovalAction}).
 */
public class DeployStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> daemon(r, "mlgate deploy"));
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mlgate approval timeout"));

    private final StepSpec spec;
    private final ApprovalRequest template;
    private String requestId;
    private transient volatile ScheduledFuture<?> timeout;
    private transient volatile boolean finished;

    public DeployStepExecution(StepContext context, StepSpec spec, ApprovalRequest template) {
        super(context);
        this.spec = spec;
        this.template = template;
    }

    @Override
    public boolean start() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        ApprovalRequest request = template;
        request.id = java.util.UUID.randomUUID().toString();
        request.requestedAt = System.currentTimeMillis();
        requestId = request.id;
        ApprovalAction.of(run).add(request);
        ApprovalRegistry.register(requestId, this);
        listener.getLogger().println("[mlgate] deploy to '" + request.environment + "' needs an approval from: "
                + request.approvers + (request.deadline > 0 ? " (timeout " + request.getDeadlineText() + ")" : ""));
        listener.getLogger().println("[mlgate] approve or reject with a reason at " + run.getUrl() + "mlgate-approval/");
        scheduleTimeout(request);
        return false;
    }

    @Override
    public void onResume() {
        try {
            ApprovalRequest request = request();
            if (request == null) {
                getContext().onFailure(new AbortException("the approval request of this deploy is missing from the build"));
                return;
            }
            if (request.state == ApprovalRequest.State.PENDING) {
                ApprovalRegistry.register(requestId, this);
                scheduleTimeout(request);
            } else {
                decided(request);
            }
        } catch (IOException | InterruptedException e) {
            getContext().onFailure(e);
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        ApprovalRegistry.remove(requestId);
        cancelTimeout();
        ApprovalRequest request = request();
        if (request != null) {
            ApprovalAction.of(getContext().get(Run.class)).decide(request, ApprovalRequest.State.ABORTED, "build aborted", String.valueOf(cause));
        }
        finished = true;
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        return "waiting for an mlgate deploy approval (" + requestId + ")";
    }

    /** Called once with the decided request: runs the deploy, or fails the step with who rejected it and why. */
    void decided(ApprovalRequest request) {
        if (finished) {
            return;
        }
        finished = true;
        cancelTimeout();
        WORKERS.submit(() -> {
            try {
                TaskListener listener = getContext().get(TaskListener.class);
                if (request.state != ApprovalRequest.State.APPROVED) {
                    String what = request.state == ApprovalRequest.State.TIMED_OUT ? "timed out" : "rejected by " + request.decidedBy;
                    listener.getLogger().println("[mlgate] deploy to '" + request.environment + "' " + what + ": " + request.reason);
                    getContext().onFailure(new AbortException("deploy to '" + request.environment + "' " + what + ": " + request.reason));
                    return;
                }
                listener.getLogger().println("[mlgate] deploy to '" + request.environment + "' approved by "
                        + request.decidedBy + " at " + request.getDecidedAtText() + ": " + request.reason);
                CliArguments args = spec.arguments().copy()
                        .option("--actor", request.decidedBy)
                        .replace("--reason", "approved by " + request.decidedBy + ": " + request.reason);
                StepSpec approved = new StepSpec(spec.functionName(), args, spec.onFailure(), spec.javaHome());
                getContext().onSuccess(CliRun.execute(getContext(), approved));
            } catch (Throwable t) {
                getContext().onFailure(t);
            }
        });
    }

    private ApprovalRequest request() throws IOException, InterruptedException {
        ApprovalAction action = getContext().get(Run.class).getAction(ApprovalAction.class);
        return action == null ? null : action.find(requestId);
    }

    private void scheduleTimeout(ApprovalRequest request) {
        if (request.deadline <= 0) {
            return;
        }
        long delay = Math.max(0, request.deadline - System.currentTimeMillis());
        timeout = TIMER.schedule(() -> {
            try {
                Run<?, ?> run = getContext().get(Run.class);
                ApprovalRequest current = request();
                if (current != null && ApprovalAction.of(run).decide(current, ApprovalRequest.State.TIMED_OUT,
                        "timeout", "no decision before " + current.getDeadlineText())) {
                    ApprovalRegistry.notify(current);
                }
            } catch (Exception e) {
                getContext().onFailure(e);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void cancelTimeout() {
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setContextClassLoader(DeployStepExecution.class.getClassLoader());
        return t;
    }
}
