package jp.jichitai.cloud.migration.internal;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An upload to the import screen over the multipart limits ({@code spring.servlet.multipart.max-file-size} and
 * {@code max-request-size}) is refused by the container while the body is parsed. The first reader of a parameter
 * would then fail — Spring Security's CSRF check, before any controller — and the administrator would see a bare
 * 413 or 403. This filter, ahead of the security chain, parses the parts of that one request first: when the
 * container refuses them, it sends the administrator back to the form, which shows the limits in Japanese
 * (E-MIG-0803, {@link ImportUploadController#form}); otherwise the parsed parts serve the rest of the request as
 * usual. Other requests and other uploads are not touched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UploadTooLarge extends OncePerRequestFilter {

    static final String PATH = "/admin/migration/import";
    static final String REFUSED = "too-large";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod())
                || !(request.getContextPath() + PATH).equals(request.getRequestURI())
                || contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParts();
        } catch (IllegalStateException | ServletException | IOException refused) {
            if (!isOverLimit(refused)) {
                throw refused;
            }
            response.sendRedirect(request.getContextPath() + PATH + "?refused=" + REFUSED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the container refused the body for its size (as Spring's multipart request tells it, by the message). */
    static boolean isOverLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(java.util.Locale.ROOT);
            String type = cause.getClass().getSimpleName();
            if (type.contains("SizeLimitExceeded") || type.contains("SizeException")
                    || (message.contains("exceed") && (message.contains("size") || message.contains("length")))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
