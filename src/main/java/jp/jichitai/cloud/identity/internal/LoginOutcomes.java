package jp.jichitai.cloud.identity.internal;

import java.io.IOException;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.shared.PlatformMessages;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * Counts sign-in failures (lockout after the configured number in a row), audits every attempt in
 * the user's own tenant, and tells the person in Japanese what went wrong.
 */
@Component
class LoginOutcomes implements AuthenticationFailureHandler {

    static final String MESSAGE_ATTRIBUTE = "jc.loginError";

    private final JdbcUserAccounts accounts;
    private final AuditLog auditLog;
    private final SecurityProperties policy;

    LoginOutcomes(JdbcUserAccounts accounts, AuditLog auditLog, SecurityProperties policy) {
        this.accounts = accounts;
        this.auditLog = auditLog;
        this.policy = policy;
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        boolean nowLocked = accounts.recordFailedLogin(username, policy.maxFailedLogins(), policy.lockoutDuration());
        audit(username, nowLocked ? "login.locked" : "login", AuditEvent.Outcome.DENIED);
    }

    @EventListener
    void onLocked(AuthenticationFailureLockedEvent event) {
        audit(event.getAuthentication().getName(), "login", AuditEvent.Outcome.DENIED);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof JichitaiUser user) {
            accounts.recordSuccessfulLogin(user.username());
            // API calls authenticate on every request; only sign-ins through the login form are audited.
            if (event.getAuthentication().getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails) {
                audit(user.username(), "login", AuditEvent.Outcome.SUCCESS);
            }
        }
    }

    private void audit(String username, String action, AuditEvent.Outcome outcome) {
        String tenantScope;
        String role;
        try {
            JichitaiUser user = accounts.loadUserByUsername(username);
            tenantScope = user.tenant().map(TenantCode::value).orElse(TenantContext.PROVIDER_SCOPE);
            role = user.role().code();
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException unknown) {
            tenantScope = TenantContext.PROVIDER_SCOPE;
            role = "none";
        }
        String finalRole = role;
        String actor = username.length() > 64 ? username.substring(0, 64) : username;
        TenantContext.callInScope(tenantScope,
                () -> auditLog.record(AuditEvent.of(action, "user:" + actor).outcome(outcome).by(actor, finalRole)));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        String message;
        if (failure instanceof LockedException) {
            message = PlatformMessages.text("E-IDN-0002", policy.maxFailedLogins(), policy.lockoutDuration().toMinutes());
        } else if (failure instanceof DisabledException) {
            message = PlatformMessages.text("E-IDN-0003");
        } else {
            message = PlatformMessages.text("E-IDN-0001");
        }
        request.getSession().setAttribute(MESSAGE_ATTRIBUTE, message);
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
