package jp.jichitai.cloud.residents.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import jp.jichitai.cloud.residents.HistoryEntry;
import jp.jichitai.cloud.residents.Resident;
import jp.jichitai.cloud.residents.ResidentHistory;
import jp.jichitai.cloud.residents.ResidentSeeder.SeedHousehold;

/**
 * bench/residents/run: loads N synthetic residents into a dedicated PostgreSQL database with COPY, then measures the
 * application's own search ({@link ResidentSearch}, as jc_app under row-level security, one transaction per search
 * as in the service) with 4 concurrent clients, beside the same questions asked as plain ILIKE '%term%'.
 * Not a test: run by the script only.
 */
public final class ResidentSearchBenchmark {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String DATABASE = "jc_bench_residents";
    static final String TENANT = "012211";
    static final int CLIENTS = 4;
    /** Searches of each kind before the measured ones, each way, so that the JIT has compiled the path (see warm()). */
    static final int WARM_UP = Integer.getInteger("jc.bench.warmup", 3000);

    public static void main(String[] args) throws Exception {
        int residents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int searchesPerKind = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path report = Path.of(args.length > 2 ? args[2] : "docs/benchmarks/residents.md");
        String url = SERVER + DATABASE + "?user=postgres";
        // JC_BENCH_KEEP=1 keeps the loaded database for the next run, which reuses it if it holds the same population.
        boolean keep = "1".equals(System.getenv("JC_BENCH_KEEP"));
        List<String> sample = keep ? kept(url, residents) : List.of();
        double loadSeconds = 0;
        if (sample.isEmpty()) {
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres?user=postgres")) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                admin.createStatement().execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
        try {
            if (sample.isEmpty()) {
                Flyway.configure().dataSource(url, "postgres", "")
                        .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
                long loadStart = System.nanoTime();
                sample = load(url, residents);
                loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                System.out.printf("loaded %,d residents in %.0f s%n", residents, loadSeconds);
                try (Connection owner = DriverManager.getConnection(url, "postgres", "")) {
                    owner.createStatement().execute("CREATE TABLE bench_sample (position INTEGER PRIMARY KEY, entry VARCHAR(400) NOT NULL, "
                            + "residents INTEGER NOT NULL)");
                    var insert = owner.prepareStatement("INSERT INTO bench_sample VALUES (?, ?, ?)");
                    for (int i = 0; i < sample.size(); i++) {
                        insert.setInt(1, i);
                        insert.setString(2, sample.get(i));
                        insert.setInt(3, residents);
                        insert.execute();
                    }
                }
            } else {
                System.out.printf("reusing the kept database of %,d residents%n", residents);
            }
            measure(url, residents, searchesPerKind, sample, loadSeconds, report);
        } finally {
            if (!keep) {
                try (Connection admin = DriverManager.getConnection(SERVER + "postgres?user=postgres")) {
                    admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
                }
            }
        }
    }

    /** The sample queries of a kept database loaded with the same population, or none. */
    private static List<String> kept(String url, int residents) {
        List<String> sample = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(url, "postgres", "");
                var statement = owner.prepareStatement("SELECT entry FROM bench_sample WHERE residents = ? ORDER BY position")) {
            statement.setInt(1, residents);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sample.add(rows.getString(1));
                }
            }
        } catch (java.sql.SQLException missing) {
            return List.of();
        }
        return sample;
    }

    /** Loads the population with COPY (three streams at once); returns "kana|birth" of some residents for queries. */
    static List<String> load(String url, int residents) throws Exception {
        IndividualNumberCipher cipher = new IndividualNumberCipher(new byte[32]);
        RegistryStore mapper = new RegistryStore(null, null, cipher);
        SyntheticPopulation population = new SyntheticPopulation(20250401L, new SyntheticPopulation.Town("名寄市", "096",
                List.of(new String[] {"010100", "西1条南"}, new String[] {"010200", "西1条北"}, new String[] {"010300", "西3条南"},
                        new String[] {"010400", "東1条南"}, new String[] {"010500", "東3条北"}, new String[] {"020100", "風連町本町"},
                        new String[] {"020200", "風連町東生"}, new String[] {"030100", "智恵文"}, new String[] {"030200", "日進"},
                        new String[] {"030300", "徳田"})), LocalDate.of(2025, 4, 1), 1, 1);
        List<String> sample = new ArrayList<>();
        Random pick = new Random(7);
        try (Connection owner = DriverManager.getConnection(url, "postgres", "");
                Connection snapshotsConnection = DriverManager.getConnection(url, "postgres", "");
                Connection currentConnection = DriverManager.getConnection(url, "postgres", "");
                Connection keysConnection = DriverManager.getConnection(url, "postgres", "")) {
            owner.createStatement().execute("ALTER TABLE resident_search_key DROP CONSTRAINT resident_search_key_pkey");
            owner.createStatement().execute("DROP INDEX ix_resident_search_key_atena");
            CopyIn snapshots = copy(snapshotsConnection, "resident_snapshot (" + RegistryStore.SNAPSHOT_COLUMNS + ")");
            CopyIn current = copy(currentConnection, "resident_current (tenant_id, atena_number, history_number, household_number, "
                    + "resident_kind, status, name, kana, birth_date, sex, relationship, address, building_line)");
            CopyIn keys = copy(keysConnection, "resident_search_key (tenant_id, key_kind, removed, key_value, exact_value, sort_kana, atena_number)");
            long changeId = 1;
            int made = 0;
            long started = System.nanoTime();
            StringBuilder buffer = new StringBuilder();
            while (made < residents) {
                SeedHousehold household = population.nextHousehold(residents - made);
                for (ResidentHistory history : household.members()) {
                    made++;
                    for (HistoryEntry entry : history.entries()) {
                        write(snapshots, buffer, mapper.snapshotValues(TENANT, changeId++, entry));
                    }
                    Resident now = history.current();
                    write(current, buffer, Arrays.asList(TENANT, now.atenaNumber().value(), history.latest().historyNumber(),
                            now.householdNumber().value(), now.kind().name(), now.status().name(), now.name().name(),
                            now.name().kana(), RegistryStore.encode(now.birthDate()), now.sex().name(), now.relationship().text(),
                            now.address().text(), now.address().buildingLine()));
                    for (SearchKeyRows.Row row : SearchKeyRows.of(history.entries().stream().map(HistoryEntry::snapshot).toList(), now)) {
                        write(keys, buffer, Arrays.asList(TENANT, row.kind(), row.removed(), row.keyValue(), row.exactValue(),
                                row.sortKana(), row.atenaNumber()));
                    }
                    if (pick.nextInt(2000) == 0 && now.birthDate().isFullyKnown() && !now.name().kana().isBlank()) {
                        sample.add(now.name().kana() + "|" + now.birthDate().toStandardCsv());
                    }
                }
            }
            System.out.printf("generated and copied in %.0f s%n", (System.nanoTime() - started) / 1e9);
            snapshots.endCopy();
            current.endCopy();
            keys.endCopy();
            System.out.println("copied; building the search index ...");
            owner.createStatement().execute("ALTER TABLE resident_search_key ADD PRIMARY KEY "
                    + "(tenant_id, key_kind, removed, key_value, exact_value, sort_kana, atena_number)");
            owner.createStatement().execute("CREATE INDEX ix_resident_search_key_atena ON resident_search_key (tenant_id, atena_number)");
            System.out.printf("indexed in %.0f s%n", (System.nanoTime() - started) / 1e9);
            owner.createStatement().execute("VACUUM ANALYZE");
            System.out.printf("vacuumed in %.0f s%n", (System.nanoTime() - started) / 1e9);
        }
        return sample;
    }

    private static CopyIn copy(Connection connection, String table) throws Exception {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)");
    }

    private static void write(CopyIn copy, StringBuilder line, List<Object> values) throws Exception {
        line.setLength(0);
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            if (value != null) {
                line.append('"').append(String.valueOf(value).replace("\"", "\"\"")).append('"');
            }
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }

    /** One kind of query: its name and the query texts the clients cycle through. */
    record Kind(String name, List<String> queries, Function<String, String[]> ilike) {
    }

    static void measure(String url, int residents, int searchesPerKind, List<String> sample, double loadSeconds, Path report)
            throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(CLIENTS);
        // JC_BENCH_GENERIC_PLANS=1: plan_cache_mode = force_generic_plan, so that a prepared search is planned once per
        // connection instead of at every execution (the one statement has up to 24 branches: planning it costs 2-4 ms).
        boolean generic = "1".equals(System.getenv("JC_BENCH_GENERIC_PLANS"));
        config.setConnectionInitSql(generic ? "SET ROLE jc_app; SET plan_cache_mode = force_generic_plan" : "SET ROLE jc_app");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcClient jdbc = JdbcClient.create(pool);
            ResidentSearch search = new ResidentSearch(jdbc);
            ResidentSearchBaseline baseline = new ResidentSearchBaseline(jdbc);
            // As the application's TenantBoundTransactionManager: every transaction binds the tenant for row-level security.
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool) {
                @Override
                protected void prepareTransactionalConnection(Connection connection,
                        org.springframework.transaction.TransactionDefinition definition) throws java.sql.SQLException {
                    super.prepareTransactionalConnection(connection, definition);
                    try (var bind = connection.prepareStatement("SELECT set_config('jc.tenant_id', ?, true)")) {
                        bind.setString(1, TENANT);
                        bind.execute();
                    }
                }
            });
            transactions.setReadOnly(true);
            List<String> fullWithBirth = sample.stream().map(entry -> entry.split("\\|"))
                    .map(parts -> parts[0] + " " + parts[1]).toList();
            List<Kind> kinds = List.of(
                    new Kind("kana prefix", List.of("タカハ", "サト", "ス", "ヤマ", "ナカ", "イト", "ワタ", "ササ"),
                            q -> new String[] {"kana ILIKE ?", "%" + q + "%"}),
                    new Kind("given name alone", List.of("ハナコ", "ケンタ", "ヨウコ", "イチロウ", "ミサキ", "ヒロシ", "ユイ", "マコト"),
                            q -> new String[] {"kana ILIKE ?", "%" + q + "%"}),
                    new Kind("full kana name + birth date", fullWithBirth.subList(0, Math.min(64, fullWithBirth.size())),
                            q -> new String[] {"kana ILIKE ? AND birth_date LIKE ?",
                                    "%" + q.substring(0, q.lastIndexOf(' ')) + "%", q.substring(q.lastIndexOf(' ') + 1) + "%"}),
                    new Kind("kanji with variants", List.of("高橋", "佐藤", "齋藤", "山崎", "渡辺", "斉藤", "沢田", "浜田"),
                            q -> new String[] {"name ILIKE ?", "%" + q + "%"}));
            StringBuilder md = new StringBuilder();
            md.append("# Resident search benchmark\n\n")
                    .append(String.format("Population: %,d synthetic residents (one town, seed 20250401, %s), PostgreSQL %s, %d cores. "
                            + "Load with COPY and index build: %.0f s.%n%n", residents, "≈1.1 snapshots each, past names and addresses indexed",
                            serverVersion(pool), Runtime.getRuntime().availableProcessors(), loadSeconds))
                    .append("Measured through the application's own search code (`ResidentSearch`, the class the service calls), as the "
                            + "application role `jc_app` under row-level security, one read-only transaction per search, "
                            + CLIENTS + " concurrent clients, first 50 results in the order shown to the clerk. Comparison: the same "
                            + "question as plain `ILIKE '%term%'` on `resident_current` (kana/name, birth date), `ORDER BY kana LIMIT 50`, "
                            + "same clients.\n\n")
                    .append("Before: the staged search (`ResidentSearchBaseline`, one statement per index range and one for the "
                            + "display rows, up to ~17 round trips). After: `ResidentSearch`. A one-word name (kana prefix, given name, "
                            + "kanji) in one round trip: one statement whose ranges (probe × stage × 除票 flag × key kind) are the rows of a "
                            + "`VALUES` list, each read in rank order by one `LATERAL` index scan and joined to its display row, "
                            + "stopped at a full page. Anything longer (kana + birth date) in two: one statement reads every range at "
                            + "once, key rows only, 2 × 50 + 10 rows at most each, the stages are taken from them in rank order in Java, "
                            + "and a second statement reads the page's display rows. When a read falls short it reads stage by stage "
                            + "(column \"stage by stage\"). Both in the same run, on the same database, same clients, kind by kind, each way "
                            + "after " + WARM_UP + " searches of the kind that are not measured (the JIT compiles the path while they run: a "
                            + "server answers warmed up). \"same results\": every query of the kind asked both ways; after must equal the "
                            + "first 50 rows of before.\n\n")
                    .append("| query kind | searches | before p50 / p95 / p99 ms | after p50 / p95 / p99 ms | p95 before / after "
                            + "| ILIKE p50 / p95 ms | ratio p95 (ILIKE / after) | rows (first query) | same results | stage by stage |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            StringBuilder plans = new StringBuilder();
            for (Kind kind : kinds) {
                transactions.execute(status -> search.search(TENANT, kind.queries().get(0), 50)); // warm the path
                warm(kind, search, transactions, WARM_UP);
                warmBaseline(kind, baseline, transactions, WARM_UP);
                int[] compared = compare(kind, search, baseline, transactions);
                double[] before = run(kind, searchesPerKind, query -> transactions.execute(status -> baseline.search(TENANT, query, 50)).size());
                long stagedBefore = search.stageByStageSearches();
                double[] ours = run(kind, searchesPerKind, query -> transactions.execute(status -> search.search(TENANT, query, 50)).size());
                long staged = search.stageByStageSearches() - stagedBefore;
                int ilikeRuns = Math.max(40, searchesPerKind / 50);
                double[] theirs = run(kind, ilikeRuns, query -> transactions.execute(status -> ilike(jdbc, kind, query)));
                int rows = transactions.execute(status -> search.search(TENANT, kind.queries().get(0), 50)).size();
                md.append(String.format("| %s | %d | %.2f / %.2f / %.2f | **%.2f / %.2f / %.2f** | %.1f× | %.1f / %.1f | %.0f× | %d | %d of %d%s | %d |%n",
                        kind.name(), searchesPerKind, before[0], before[1], before[2], ours[0], ours[1], ours[2], before[1] / ours[1],
                        theirs[0], theirs[1], theirs[1] / ours[1], rows, compared[0], compared[1],
                        compared[2] == 0 ? "" : " (" + compared[2] + " where before returned more than 50)", staged));
                plans.append("### ").append(kind.name()).append(": `").append(kind.queries().get(0)).append("`\n\n```\n")
                        .append(explain(pool, search, kind.queries().get(0))).append("```\n\n");
                System.out.printf("%s: before p50 %.2f p95 %.2f p99 %.2f ms; after p50 %.2f p95 %.2f p99 %.2f ms; ILIKE p95 %.1f ms; "
                        + "same %d of %d%n", kind.name(), before[0], before[1], before[2], ours[0], ours[1], ours[2], theirs[1],
                        compared[0], compared[1]);
            }
            md.append("\nGoal: p95 ≤ 5 ms for each kind. `run` regenerates this file. Load average of the machine (shared by "
                    + "several developers) at the end of the measurement: " + loadAverage() + " — figures taken on a busy "
                    + "machine are upper bounds.\n\n")
                    .append("## Plans (EXPLAIN (ANALYZE, BUFFERS) of the range statement of the first query of each kind)\n\n")
                    .append("Each range reads one interval of the primary key of `resident_search_key` "
                            + "(tenant_id, key_kind, removed, key_value, exact_value, sort_kana, atena_number) in display order, index "
                            + "only, and stops at its LIMIT; a one-word name's display rows are joined as the rows come, a longer query's "
                            + "follow in a second statement by primary key.\n\n").append(plans);
            Files.createDirectories(report.getParent());
            Files.writeString(report, md.toString(), StandardCharsets.UTF_8);
            System.out.println("written " + report);
        }
    }

    private static void warmBaseline(Kind kind, ResidentSearchBaseline baseline, TransactionTemplate transactions, int times) {
        for (int i = 0; i < times; i++) {
            String query = kind.queries().get(i % kind.queries().size());
            transactions.execute(status -> baseline.search(TENANT, query, 50));
        }
    }

    /** How many of the kind's queries give the same rows both ways, of how many; how many gave more than 50 before. */
    private static int[] compare(Kind kind, ResidentSearch search, ResidentSearchBaseline baseline, TransactionTemplate transactions) {
        int same = 0;
        int longer = 0;
        for (String query : kind.queries()) {
            var before = transactions.execute(status -> baseline.search(TENANT, query, 50));
            var after = transactions.execute(status -> search.search(TENANT, query, 50));
            if (before.size() > 50) {
                longer++;
            }
            if (after.equals(before.subList(0, Math.min(50, before.size())))) {
                same++;
            } else {
                System.out.println("DIFFERENT RESULTS for " + query + ":\n before " + before + "\n after  " + after);
            }
        }
        return new int[] {same, kind.queries().size(), longer};
    }

    private static void warm(Kind kind, ResidentSearch search, TransactionTemplate transactions, int times) {
        for (int i = 0; i < times; i++) {
            String query = kind.queries().get(i % kind.queries().size());
            transactions.execute(status -> search.search(TENANT, query, 50));
        }
    }

    private static int ilike(JdbcClient jdbc, Kind kind, String query) {
        String[] condition = kind.ilike().apply(query);
        List<Object> params = new ArrayList<>();
        params.add(TENANT);
        params.addAll(Arrays.asList(condition).subList(1, condition.length));
        return jdbc.sql("SELECT atena_number, name, kana, birth_date FROM resident_current WHERE tenant_id = ? AND "
                        + condition[0] + " ORDER BY status <> 'RESIDENT', kana LIMIT 50")
                .params(params).query((rs, row) -> rs.getString(1)).list().size();
    }

    /** p50, p95, p99 in ms of {@code total} calls spread over the clients. */
    private static double[] run(Kind kind, int total, Function<String, Integer> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int offset = client;
            parts.add(clients.submit(() -> {
                long[] nanos = new long[total / CLIENTS];
                for (int i = 0; i < nanos.length; i++) {
                    String query = kind.queries().get((i * CLIENTS + offset) % kind.queries().size());
                    long start = System.nanoTime();
                    call.apply(query);
                    nanos[i] = System.nanoTime() - start;
                }
                return nanos;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> part : parts) {
            for (long value : part.get()) {
                all.add(value);
            }
        }
        clients.shutdown();
        all.sort(Long::compare);
        return new double[] {percentile(all, 50), percentile(all, 95), percentile(all, 99)};
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the search's one statement as the application runs it (as jc_app, tenant bound),
     * under an outer LIMIT of one page: the application fetches one page from a suspended portal, which stops the
     * Append the same way (branches after the page is full show "never executed").
     */
    private static String explain(HikariDataSource pool, ResidentSearch search, String query) throws Exception {
        ResidentSearch.Statement statement = search.statement(TENANT, query, 50).orElseThrow();
        StringBuilder plan = new StringBuilder();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (var bind = connection.prepareStatement("SELECT set_config('jc.tenant_id', ?, true)")) {
                bind.setString(1, TENANT);
                bind.execute();
            }
            try (var explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM ("
                    + statement.sql() + ") ranges")) {
                for (int i = 0; i < statement.params().size(); i++) {
                    explain.setObject(i + 1, statement.params().get(i));
                }
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
            }
            connection.rollback();
        }
        return plan.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String serverVersion(HikariDataSource pool) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1).split(" ")[0];
        }
    }

    static Map<String, Object> unused() {
        return new LinkedHashMap<>();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private ResidentSearchBenchmark() {
    }

    static void ignore(IOException e) {
    }
}
