package jp.jichitai.cloud.migration.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.jichitai.cloud.migration.GaijiInventory;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * The 外字実態調査 of the tenant bound to the request, run by the same {@link GaijiInventory} code as the command
 * line, on the connection of a read-only transaction bound to that tenant (row-level security applies too).
 */
@Service
class GaijiInventories {

    private final DataSource dataSource;

    GaijiInventories(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(readOnly = true)
    public GaijiInventory ofCurrentTenant() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return GaijiInventory.survey(connection, TenantContext.require());
        } catch (SQLException e) {
            throw new IllegalStateException("外字実態調査の読み取りに失敗しました", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
