package jp.jichitai.cloud.operations.internal;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Times each interactive request (screens and API calls of a town's users) from before sign-in
 * checks until the answer is written, and counts it for the town that the platform bound it to
 * (request attribute {@value #TENANT_ATTRIBUTE}). Static files, the actuator and requests of nobody
 * in particular (the sign-in page, the operator) are not the town's online service and are left out.
 */
final class RequestTimingFilter extends OncePerRequestFilter {

    static final String TENANT_ATTRIBUTE = "jc.tenant";

    private final MeasurementCollector collector;
    private final DayClock dayClock;

    RequestTimingFilter(MeasurementCollector collector, DayClock dayClock) {
        this.collector = collector;
        this.dayClock = dayClock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.startsWith("/actuator") || path.equals("/favicon.ico") || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(TENANT_ATTRIBUTE) instanceof String tenant && tenant.length() == 6) {
                collector.recordRequest(tenant, dayClock.today(), System.nanoTime() - started);
            }
        }
    }
}
