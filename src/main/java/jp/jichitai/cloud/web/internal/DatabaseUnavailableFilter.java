package jp.jichitai.cloud.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jichitai.cloud.shared.PlatformMessages;

/**
 * The answer while the database cannot be reached (a failover in progress, say), or when a statement ran past the
 * online statement timeout: 503 with a message that says what happened and what to check, instead of the general
 * error page. Outermost filter, so that it also covers the
 * session store (in the database too) and error pages that would need the database themselves; it writes a page of
 * its own without templates. A write whose commit failed may still have been committed (its answer was lost): the
 * message asks the clerk to look before doing it again rather than promising that nothing happened.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    static final String MESSAGE_ID = "E-API-0503";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            if (isStatementTimeout(failure)) {
                log.warn("statement timeout for {} {}: {}", request.getMethod(), request.getRequestURI(), failure.toString());
                write(request, response, TIMEOUT_MESSAGE_ID, "処理を中止しました");
            } else if (isDatabaseUnavailable(failure)) {
                log.warn("database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), failure.toString());
                write(request, response, MESSAGE_ID, "データベースに接続できません");
            } else {
                throw failure;
            }
        }
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String messageId, String title)
            throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Cache-Control", "no-store");
        String message = PlatformMessages.text(messageId);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(PlatformMessages.error(messageId).toJson().getBytes(StandardCharsets.UTF_8));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        String page = """
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="UTF-8"><title>%1$s | 自治体クラウド</title>
                <link rel="stylesheet" href="/css/app.css"></head>
                <body><main id="main" class="container container--narrow">
                <h1>%1$s</h1>
                <p>%2$s</p>
                <p>（%3$s）</p>
                <p><a href="/">ホームへ戻る</a></p>
                </main></body></html>
                """.formatted(title, HtmlUtils.htmlEscape(message), messageId);
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }

    static final String TIMEOUT_MESSAGE_ID = "E-API-0505";

    /**
     * A statement cancelled by the online statement timeout ({@code jc.database.online-statement-timeout}), anywhere in
     * the causes: PostgreSQL's query_canceled (57014), which Spring may translate into a resource failure, so it is
     * asked before {@link #isDatabaseUnavailable(Throwable)}.
     */
    static boolean isStatementTimeout(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && "57014".equals(sql.getSQLState()));
    }

    /** A connection that could not be had or broke, or a commit whose outcome is unknown, anywhere in the causes. */
    static boolean isDatabaseUnavailable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    private static boolean anyCause(Throwable failure, java.util.function.Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
