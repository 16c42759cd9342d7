package jp.jichitai.cloud.tenancy.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * Binds every transaction to the thread's tenant before any statement runs, as a transaction-local
 * setting, so the binding can never outlive the transaction on a pooled connection.
 */
class TenantBoundTransactionManager extends DataSourceTransactionManager {

    private final boolean rowLevelSecurity;

    TenantBoundTransactionManager(DataSource dataSource, boolean rowLevelSecurity) {
        super(dataSource);
        this.rowLevelSecurity = rowLevelSecurity;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (rowLevelSecurity) {
            TenantContext.bindToTransaction(connection, TenantContext.boundScope());
        }
    }
}
