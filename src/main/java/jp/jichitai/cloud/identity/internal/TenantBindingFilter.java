package jp.jichitai.cloud.identity.internal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jichitai.cloud.audit.AuditEvent;
import jp.jichitai.cloud.audit.AuditLog;
import jp.jichitai.cloud.identity.JichitaiUser;
import jp.jichitai.cloud.identity.Role;
import jp.jichitai.cloud.shared.PlatformMessages;
import jp.jichitai.cloud.shared.TenantCode;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * Binds each request to the signed-in user's tenant, and refuses a tenant path that is not the
 * user's own with the same 404 as for a tenant that does not exist, so that nobody can probe which
 * towns use the service.
 */
class TenantBindingFilter extends OncePerRequestFilter {

    /** Request attribute naming the tenant, read by the request metrics. */
    static final String TENANT_ATTRIBUTE = "jc.tenant";

    private static final Pattern TENANT_PATH = Pattern.compile("^/api/v1/t/([^/]*)(/.*)?$");

    private final AuditLog auditLog;

    TenantBindingFilter(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    private static String scopeOf(JichitaiUser user) {
        return user.role() == Role.OPERATOR ? TenantContext.PROVIDER_SCOPE
                : user.tenant().map(TenantCode::value).orElseThrow();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        JichitaiUser user = authentication != null && authentication.getPrincipal() instanceof JichitaiUser signedIn
                ? signedIn : null;
        Matcher tenantPath = TENANT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (user != null && tenantPath.matches()) {
            String code = tenantPath.group(1);
            if (!TenantCode.isValid(code)) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                SecurityConfiguration.writeJson(response, PlatformMessages.error(
                        code.matches("[0-9]{6}") ? "E-TEN-0002" : "E-TEN-0001"));
                return;
            }
            if (!user.belongsTo(TenantCode.of(code))) {
                // Recorded in the asking user's own log: the other town learns nothing, its log is untouched.
                String path = request.getRequestURI();
                TenantContext.callInScope(scopeOf(user), () -> auditLog.record(
                        AuditEvent.of("access.other-tenant", path).outcome(AuditEvent.Outcome.DENIED)));
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                SecurityConfiguration.writeJson(response, PlatformMessages.error("E-API-0404"));
                return;
            }
        }
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String scope = scopeOf(user);
        request.setAttribute(TENANT_ATTRIBUTE, user.role() == Role.OPERATOR ? "provider" : scope);
        TenantContext.bind(scope);
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
        }
    }
}
