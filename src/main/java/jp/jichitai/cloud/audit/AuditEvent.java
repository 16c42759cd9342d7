package jp.jichitai.cloud.audit;

import java.util.Optional;

/**
 * What happened, to be written to the アクセスログ. Who, when, from where and for which tenant are
 * taken from the request and the signed-in user unless given explicitly (as for a failed sign-in).
 *
 * @param action  what was done, e.g. {@code resident.search}, {@code certificate.print}, {@code login}
 * @param target  the record ids concerned, e.g. {@code atena:000000000012345}
 * @param query   the search terms or options, if any
 * @param outcome {@link Outcome#SUCCESS}, {@link Outcome#DENIED} or {@link Outcome#FAILURE}
 */
public record AuditEvent(String action, String target, String query, Outcome outcome, Optional<String> actor,
        Optional<String> actorRole) {

    public enum Outcome {
        SUCCESS, DENIED, FAILURE
    }

    public static AuditEvent of(String action, String target) {
        return new AuditEvent(action, target, null, Outcome.SUCCESS, Optional.empty(), Optional.empty());
    }

    public AuditEvent query(String terms) {
        return new AuditEvent(action, target, terms, outcome, actor, actorRole);
    }

    public AuditEvent outcome(Outcome result) {
        return new AuditEvent(action, target, query, result, actor, actorRole);
    }

    public AuditEvent by(String username, String roleCode) {
        return new AuditEvent(action, target, query, outcome, Optional.of(username), Optional.ofNullable(roleCode));
    }
}
