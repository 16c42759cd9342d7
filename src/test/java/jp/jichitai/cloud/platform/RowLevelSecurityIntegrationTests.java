package jp.jichitai.cloud.platform;

import static jp.jichitai.cloud.support.TestUsers.NAYORO;
import static jp.jichitai.cloud.support.TestUsers.SHIBETSU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import jp.jichitai.cloud.support.IntegrationTest;
import jp.jichitai.cloud.support.TestDatabase;
import jp.jichitai.cloud.tenancy.TenantContext;

/**
 * With row-level security, even a query that forgets its tenant filter returns nothing of another
 * town, through the application's own connections. PostgreSQL only: H2 has no row-level security.
 */
class RowLevelSecurityIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void onPostgresOnly() {
        assumeTrue(TestDatabase.get().isPostgres(), "row-level security exists on PostgreSQL only");
    }

    private long unfilteredDistrictCount() {
        return transactions.execute(status -> jdbc.sql("SELECT COUNT(*) FROM district").query(Long.class).single());
    }

    @Test
    void theApplicationWorksAsARoleThatCannotBypassRowLevelSecurity() {
        var role = transactions.execute(status -> jdbc.sql("""
                SELECT current_user, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user""")
                .query((rs, row) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).single());
        assertThat(role).containsExactly("jc_app", false, false);
    }

    @Test
    void aQueryWithoutTenantFilterSeesOnlyTheBoundTenant() {
        long shibetsu = TenantContext.callAs(SHIBETSU, this::unfilteredDistrictCount);
        long nayoro = TenantContext.callAs(NAYORO, this::unfilteredDistrictCount);
        assertThat(shibetsu).isEqualTo(8);
        assertThat(nayoro).isEqualTo(10);
        List<String> names = TenantContext.callAs(SHIBETSU, () -> transactions.execute(status ->
                jdbc.sql("SELECT name FROM district").query(String.class).list()));
        assertThat(names).contains("上士別町").doesNotContain("風連町本町", "智恵文");
    }

    @Test
    void withNoTenantBoundNothingIsVisible() {
        assertThat(unfilteredDistrictCount()).isZero();
        assertThat(TenantContext.callAsProvider(this::unfilteredDistrictCount)).isZero();
    }

    @Test
    void writingARowForAnotherTenantIsRefused() {
        assertThatThrownBy(() -> TenantContext.runAs(SHIBETSU, () -> transactions.executeWithoutResult(status ->
                jdbc.sql("INSERT INTO district (tenant_id, district_code, name) VALUES ('012211', '999999', '侵入')")
                        .update())))
                .rootCause().hasMessageContaining("row-level security");
        assertThat(TenantContext.callAs(NAYORO, this::unfilteredDistrictCount)).isEqualTo(10);
    }

    @Test
    void theApplicationCannotRewriteTheAuditLog() {
        assertThatThrownBy(() -> TenantContext.runAs(SHIBETSU, () -> transactions.executeWithoutResult(status ->
                jdbc.sql("UPDATE audit_log SET actor = 'x'").update())))
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> TenantContext.runAs(SHIBETSU, () -> transactions.executeWithoutResult(status ->
                jdbc.sql("DELETE FROM audit_log").update())))
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void everyTenantOwnedTableHasRowLevelSecurityEnabled() throws Exception {
        List<String> unprotected = new ArrayList<>();
        try (Connection owner = TestDatabase.get().ownerConnection();
                ResultSet tables = owner.createStatement().executeQuery("""
                        SELECT c.relname, c.relrowsecurity
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')""")) {
            int count = 0;
            while (tables.next()) {
                count++;
                if (!tables.getBoolean(2)) {
                    unprotected.add(tables.getString(1));
                }
            }
            assertThat(count).isGreaterThanOrEqualTo(5);
        }
        assertThat(unprotected).isEmpty();
    }

    /**
     * A partitioned tenant table (resident_search_key) is protected where the application reads it, at the parent:
     * PostgreSQL applies the parent's policy to rows of every partition read through it, never a partition's own.
     * The partitions carry the policy too, but jc_app has no grant on them, so it cannot go around the parent.
     */
    @Test
    void partitionedTenantTablesArePolicedAtTheParentAndTheirPartitionsAreClosedToTheApplication() throws Exception {
        List<String> findings = new ArrayList<>();
        int parents = 0;
        int partitions = 0;
        try (Connection owner = TestDatabase.get().ownerConnection();
                ResultSet tables = owner.createStatement().executeQuery("""
                        SELECT c.relname, c.relkind, c.relispartition, c.relrowsecurity,
                               EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation'),
                               has_table_privilege('jc_app', c.oid, 'SELECT'),
                               has_table_privilege('jc_app', c.oid, 'INSERT, UPDATE, DELETE')
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND (c.relkind = 'p' OR c.relispartition)
                           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')""")) {
            while (tables.next()) {
                String name = tables.getString(1);
                boolean policed = tables.getBoolean(4) && tables.getBoolean(5);
                if (!policed) {
                    findings.add(name + ": no row-level security or no tenant_isolation policy");
                }
                if (tables.getBoolean(3)) {
                    partitions++;
                    if (tables.getBoolean(6) || tables.getBoolean(7)) {
                        findings.add(name + ": a partition open to jc_app");
                    }
                } else {
                    parents++;
                    if (!tables.getBoolean(6) || !tables.getBoolean(7)) {
                        findings.add(name + ": a partitioned table jc_app cannot use");
                    }
                }
            }
        }
        assertThat(parents).as("resident_search_key is partitioned").isGreaterThanOrEqualTo(1);
        assertThat(partitions).as("its DEFAULT partition at least").isGreaterThanOrEqualTo(1);
        assertThat(findings).isEmpty();
    }
    /**
     * The grants and policies run again at every start of the service and of every ./jc tool (Flyway's afterMigrate).
     * Where they are in place already, they take no lock that a query holds: ENABLE ROW LEVEL SECURITY took an ACCESS
     * EXCLUSIVE lock even with nothing to change, so that one long query of any town made ./jc import wait for it,
     * and every statement of the service queue behind the import.
     */
    @Test
    void rerunningTheGrantsTakesNoLockThatALongQueryHolds() throws Exception {
        String afterMigrate;
        try (var in = getClass().getResourceAsStream("/db/vendor/postgresql/afterMigrate.sql")) {
            afterMigrate = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (Connection longQuery = TestDatabase.get().ownerConnection();
                Connection tool = TestDatabase.get().ownerConnection()) {
            longQuery.setAutoCommit(false);
            try (var reads = longQuery.createStatement()) {
                reads.executeQuery("SELECT COUNT(*) FROM resident_search_key").close();
                reads.executeQuery("SELECT COUNT(*) FROM district").close();
                reads.executeQuery("SELECT COUNT(*) FROM audit_log").close();
            }
            try (var statement = tool.createStatement()) {
                statement.execute("SET lock_timeout = '3s'");
                statement.execute(afterMigrate);
            } finally {
                longQuery.rollback();
            }
        }
        partitionedTenantTablesArePolicedAtTheParentAndTheirPartitionsAreClosedToTheApplication();
    }
}
