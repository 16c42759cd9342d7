package jp.jichitai.cloud.continuity.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which of a tenant's tables an offline instance's changes are merged into, and how. Decided here, by the
 * centre, never by the changes file.
 */
public final class OfflineTables {

    /** What a merge does with a changed row of a table. */
    public enum Treatment {
        /** Applied when the centre's row is still as it was in the snapshot; a conflict otherwise. */
        MERGE,
        /** A counter: a new one (e.g. of a disaster declared offline) is taken over, a moved one is not. */
        COUNTER,
        /** The offline instance's own bookkeeping (its access log, sign-in counters, ranges): not merged. */
        IGNORE,
        /**
         * Not merged automatically (外字, settings, the plan, …): listed for a person to enter again centrally. The
         * registry's tables are not copied either: their 異動 are replayed ({@link OfflineRegistryMerge}).
         */
        REVIEW
    }

    /** The disaster counter's records (被災者台帳, 被災家屋台帳, 窓口案件, 証明書) and the certificates issued. */
    static final Set<String> MERGED = Set.of("disaster", "disaster_district", "disaster_dwelling", "disaster_survey",
            "disaster_resurvey_request", "disaster_case", "disaster_certificate", "disaster_shelter",
            "disaster_shelter_stay", "disaster_support_application", "disaster_support_payment",
            "victim_directory_person", "issued_certificate", "certificate_verification");

    static final Set<String> COUNTERS = Set.of("certificate_counter");

    static final Set<String> IGNORED = Set.of("victim_directory_counter", "audit_log", "audit_chain_head", "app_user",
            "offline_snapshot", "offline_instance", "offline_merge", "offline_conflict", "offline_registry_change",
            "offline_registry_number", "sla_daily_aggregate",
            "support_ticket");

    private OfflineTables() {
    }

    public static Treatment treatmentOf(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        if (MERGED.contains(name)) {
            return Treatment.MERGE;
        }
        if (COUNTERS.contains(name)) {
            return Treatment.COUNTER;
        }
        if (IGNORED.contains(name)) {
            return Treatment.IGNORE;
        }
        return Treatment.REVIEW;
    }

    /** The primary key's columns of a table, in key order; every column when it has none. */
    static List<String> keyColumns(Connection connection, String table, List<String> allColumns) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        try (ResultSet keys = connection.getMetaData().getPrimaryKeys(null, connection.getSchema(), table)) {
            while (keys.next()) {
                byPosition.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return byPosition.isEmpty() ? List.copyOf(allColumns) : new ArrayList<>(byPosition.values());
    }
}
