package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {
    private static final String APPROVERS = "release-managers, alice";

    @Test
    void aListedUserMayDecide() {
        assertThat(ApprovalPolicy.mayDecide("alice", List.of("authenticated"), APPROVERS)).isTrue();
    }

    @Test
    void aMemberOfAListedGroupMayDecide() {
        assertThat(ApprovalPolicy.mayDecide("bob", List.of("authenticated", "release-managers"), APPROVERS)).isTrue();
    }

    @Test
    void anyoneElseMayNot() {
        assertThat(ApprovalPolicy.mayDecide("mallory", List.of("authenticated", "developers"), APPROVERS)).isFalse();
    }

    @Test
    void anonymousMayNeverDecideEvenWhenListed() {
        assertThat(ApprovalPolicy.mayDecide("anonymous", List.of("anonymous"), "anonymous,alice")).isFalse();
    }

    @Test
    void theCatchAllAuthenticatedGroupDoesNotCount() {
        assertThat(ApprovalPolicy.mayDecide("mallory", List.of("authenticated"), "authenticated")).isFalse();
    }

    @Test
    void namesCompareWithoutCase() {
        assertThat(ApprovalPolicy.mayDecide("Alice", List.of(), APPROVERS)).isTrue();
        assertThat(ApprovalPolicy.mayDecide("bob", List.of("Release-Managers"), APPROVERS)).isTrue();
    }

    @Test
    void noApproversMeansNobody() {
        assertThat(ApprovalPolicy.mayDecide("alice", List.of("admins"), "")).isFalse();
        assertThat(ApprovalPolicy.mayDecide("alice", List.of("admins"), null)).isFalse();
    }

    @Test
    void approversAreSplitOnCommasAndSpaces() {
        assertThat(ApprovalPolicy.parse(" release-managers,alice  bob ,")).containsExactly("release-managers", "alice", "bob");
    }
}
