package jp.jichitai.cloud.audit.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The audit log's own small connection pool, to the same database with the same login and role as the
 * application's pool. The log appends in a transaction of its own (so that an access stays recorded when the
 * caller's transaction rolls back); taking that connection from the application's pool would make every audited
 * request hold two of its connections, and requests holding them all would wait for each other until the pool's
 * timeout (docs/decisions/0008-audit-log-own-pool.md). An append holds its connection for a few statements only, and
 * appends of one town wait for each other on the chain head anyway, so a few connections are enough.
 *
 * <p>Deliberately not a {@link DataSource} bean: Spring Boot would then stop configuring the application's pool.
 */
@Component
class AuditConnections implements DisposableBean {

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final boolean rowLevelSecurity;

    AuditConnections(DataSource application, @Value("${jc.audit.pool-size:4}") int poolSize) throws SQLException {
        if (application.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource main = application.unwrap(HikariDataSource.class);
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("jc-audit");
            pool.setJdbcUrl(main.getJdbcUrl());
            pool.setUsername(main.getUsername());
            pool.setPassword(main.getPassword());
            if (main.getDriverClassName() != null) {
                pool.setDriverClassName(main.getDriverClassName());
            }
            // The application role (SET ROLE jc_app on PostgreSQL), as the application's pool has it.
            pool.setConnectionInitSql(main.getConnectionInitSql());
            pool.setMaximumPoolSize(poolSize);
            pool.setMinimumIdle(Math.min(1, poolSize));
            pool.setConnectionTimeout(main.getConnectionTimeout());
            pool.setValidationTimeout(main.getValidationTimeout());
            if (poolSize > 1) {
                pool.setIdleTimeout(main.getIdleTimeout()); // meaningless (and warned about) for a pool of one
            }
            pool.setMaxLifetime(main.getMaxLifetime());
            this.ownPool = pool;
            this.dataSource = pool;
            this.rowLevelSecurity = main.getJdbcUrl() != null && main.getJdbcUrl().startsWith("jdbc:postgresql:");
        } else {
            // Not a pool we can copy (no such configuration today): share it, as before.
            this.ownPool = null;
            this.dataSource = application;
            this.rowLevelSecurity = false;
        }
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Whether a transaction must set the tenant for PostgreSQL's row-level security before its first statement. */
    boolean rowLevelSecurity() {
        return rowLevelSecurity;
    }

    boolean ownPool() {
        return ownPool != null;
    }

    @Override
    public void destroy() {
        if (ownPool != null) {
            ownPool.close();
        }
    }
}
