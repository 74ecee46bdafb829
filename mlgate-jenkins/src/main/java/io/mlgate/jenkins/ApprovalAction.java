package io.mlgate.jenkins;

import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The "mlgate approval" page of a build: the gate evidence and, for each pending gated deploy, an
 * Approve / Reject form with a required reason. Decisions are POST only ({@link RequirePOST}; Jenkins'
 * crumb filter guards every POST), checked on the server with {@link ApprovalPolicy}, written to
 * build.xml before the waiting step is told, and passed to the CLI as {@code --actor} and
 * {@code --reason} so they land in the registry history.
 */
public class ApprovalAction implements RunAction2 {
    private final List<ApprovalRequest> requests = new ArrayList<>();
    private transient Run<?, ?> run;

    static synchronized ApprovalAction of(Run<?, ?> run) {
        ApprovalAction action = run.getAction(ApprovalAction.class);
        if (action == null) {
            action = new ApprovalAction();
            run.addAction(action);
        }
        return action;
    }

    synchronized void add(ApprovalRequest request) throws IOException {
        requests.add(request);
        save();
    }

    synchronized ApprovalRequest find(String id) {
        for (ApprovalRequest r : requests) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        return null;
    }

    /** Records a decision once; later decisions on the same request are ignored (returns false). */
    synchronized boolean decide(ApprovalRequest request, ApprovalRequest.State state, String by, String reason) throws IOException {
        if (request.state != ApprovalRequest.State.PENDING) {
            return false;
        }
        request.state = state;
        request.decidedBy = by;
        request.reason = reason;
        request.decidedAt = System.currentTimeMillis();
        save();
        return true;
    }

    private void save() throws IOException {
        if (run != null) {
            run.save();
        }
    }

    public synchronized List<ApprovalRequest> getRequests() {
        return new ArrayList<>(requests);
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** The gate evidence of this build (the last evaluateGate), or null. */
    public StepSummary getEvidence() {
        MlgateRunAction results = run == null ? null : run.getAction(MlgateRunAction.class);
        return results == null ? null : results.getEvaluation();
    }

    /** Whether the current user may decide the given request (for showing the form; the POST checks again). */
    public boolean canDecide(ApprovalRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && ApprovalPolicy.mayDecide(auth.getName(), authorities(auth), request.approvers);
    }

    @RequirePOST
    public void doApprove(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        decide(req, rsp, ApprovalRequest.State.APPROVED);
    }

    @RequirePOST
    public void doReject(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        decide(req, rsp, ApprovalRequest.State.REJECTED);
    }

    private void decide(StaplerRequest2 req, StaplerResponse2 rsp, ApprovalRequest.State state) throws IOException {
        if (!"POST".equals(req.getMethod())) {
            rsp.sendError(405, "POST required");
            return;
        }
        ApprovalRequest request = find(String.valueOf(req.getParameter("id")));
        if (request == null) {
            rsp.sendError(404, "no such approval request");
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String user = auth == null ? null : auth.getName();
        if (auth == null || !ApprovalPolicy.mayDecide(user, authorities(auth), request.approvers)) {
            rsp.sendError(403, (user == null ? "anonymous" : user) + " may not decide this deploy; approvers: " + request.approvers);
            return;
        }
        String reason = req.getParameter("reason");
        if (reason == null || reason.isBlank()) {
            rsp.sendError(400, "a reason is required; it is written to the build and the registry history");
            return;
        }
        if (decide(request, state, user, reason.trim())) {
            ApprovalRegistry.notify(request);
        }
        rsp.sendRedirect(".");
    }

    private static List<String> authorities(Authentication auth) {
        List<String> names = new ArrayList<>();
        for (GrantedAuthority a : auth.getAuthorities()) {
            names.add(a.getAuthority());
        }
        return names;
    }

    @Override
    public String getIconFileName() {
        return "/plugin/mlgate/images/mlgate.svg";
    }

    @Override
    public String getDisplayName() {
        return "mlgate approval";
    }

    @Override
    public String getUrlName() {
        return "mlgate-approval";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }
}
