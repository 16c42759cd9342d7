package jp.jichitai.cloud.tenancy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.web.context.request.RequestContextHolder;

import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * Binds every transaction to the thread's tenant before any statement runs, as a transaction-local
 * setting, so the binding can never outlive the transaction on a pooled connection.
 *
 * <p>A transaction of an online request (a page or an API call: the thread serves an HTTP request) also gets a
 * statement timeout, in the same round trip. The pool is shared by every town and has a connection per request
 * thread: a query that runs away would hold a connection, and the locks it took, for as long as it runs, and a few of
 * them would leave no connection for any town. Start-up work, scheduled jobs and the tools run without it.
 */
class TenantBoundTransactionManager extends DataSourceTransactionManager {

    private final boolean rowLevelSecurity;
    private final Duration onlineStatementTimeout;

    TenantBoundTransactionManager(DataSource dataSource, boolean rowLevelSecurity, Duration onlineStatementTimeout) {
        super(dataSource);
        this.rowLevelSecurity = rowLevelSecurity;
        this.onlineStatementTimeout = onlineStatementTimeout;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (rowLevelSecurity) {
            boolean online = RequestContextHolder.getRequestAttributes() != null;
            TenantContext.bindToTransaction(connection, TenantContext.boundScope(), online ? onlineStatementTimeout : null);
        }
    }
}
