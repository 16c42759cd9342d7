package jp.jichitai.cloud.residents.registry;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntUnaryOperator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.jichitai.cloud.residents.AtenaNumber;
import jp.jichitai.cloud.residents.HouseholdNumber;
import jp.jichitai.cloud.residents.RecordedDate;
import jp.jichitai.cloud.residents.ResidentKind;
import jp.jichitai.cloud.residents.ResidentStatus;
import jp.jichitai.cloud.residents.ResidentSummary;
import jp.jichitai.cloud.residents.ResidentSummary.Match;
import jp.jichitai.cloud.residents.registry.SearchProbes.Probe;
import jp.jichitai.cloud.residents.registry.SearchProbes.Stage;

/**
 * The standard person search over {@code resident_search_key}. What was typed decides which keys are read
 * ({@link SearchProbes}): a 宛名番号 or 世帯番号, a birth date (西暦 or 和暦), a reading (+ birth date), a name in kanji
 * or alphabet, or an address. Results come in stages, each one index range read in display order and stopped by
 * LIMIT: exact matches (current, then 除票), folded matches (異体字, kana folding), then names starting with what was
 * typed. Within a stage: kana order.
 *
 * <p>A one-word name (a surname or a given name) takes one round trip on PostgreSQL ({@link RankedPass}): one
 * statement reads the ranges in rank order and stops at a full page. Longer queries take two ({@link OnePass}): one
 * statement reads every range of the query at once, key rows only, a few more than a page each, and the stages are
 * taken from them in rank order; a second reads the page's display rows. Stage by stage is the way when those reads
 * fall short (thousands of exact matches of a common surname followed by too few residents), for numbers, and for a
 * one-word name on H2: the ranges go a few at a time ({@link #BRANCHES_PER_STATEMENT}) in one statement, as a
 * {@code UNION ALL} of the ranges in rank order, each joined to its display row, read with a fetch size of one page, so
 * the database stops after the range that fills the page. No range sorts: each reads the primary key of
 * {@code resident_search_key} in its own order.
 */
@Repository
class ResidentSearch {

    static final int LIMIT = 50;

    /**
     * How many ranges one statement carries. All of them in one (up to 24) made each execution start every branch's
     * scan and, until the plan is cached, plan them all (tens of ms on the loaded benchmark machine); one per
     * statement costs a round trip each. Six covers one stage of a probe (3 name kinds × current/除票).
     */
    static final int BRANCHES_PER_STATEMENT = 6;

    private static final String DISPLAY_COLUMNS = "c.household_number, c.resident_kind, c.status, c.name, c.kana, "
            + "c.birth_date, c.relationship, c.address, c.building_line";
    private static final String KEY_BRANCH = "SELECT k.atena_number, " + DISPLAY_COLUMNS + ", %d AS branch "
            + "FROM resident_search_key k LEFT JOIN resident_current c ON c.tenant_id = k.tenant_id "
            + "AND c.atena_number = k.atena_number WHERE k.tenant_id = ? AND k.key_kind = ? AND k.removed = ? AND ";

    /** One index range of the statement: its SQL, its parameters, the match it gives and how many rows it may give. */
    private record Branch(String sql, List<Object> params, Match match, int rows) {
    }

    private final JdbcClient jdbc;
    /** How many key rows one range reads ahead, for a page of a given size (tests shrink it to reach the fallback). */
    private final IntUnaryOperator readAhead;
    /** Searches that went stage by stage because the read-ahead fell short (for the benchmark and the tests). */
    private final LongAdder stageByStage = new LongAdder();
    /** Whether the database is PostgreSQL, asked once. */
    private volatile Boolean postgreSql;

    @Autowired
    ResidentSearch(JdbcClient jdbc) {
        this(jdbc, limit -> 2 * limit + 10);
    }

    ResidentSearch(JdbcClient jdbc, IntUnaryOperator readAhead) {
        this.jdbc = jdbc;
        this.readAhead = readAhead;
    }

    private boolean onPostgreSql() {
        Boolean known = postgreSql;
        if (known == null) {
            org.springframework.jdbc.core.ResultSetExtractor<Boolean> product = rs -> "PostgreSQL".equals(
                    rs.getStatement().getConnection().getMetaData().getDatabaseProductName());
            known = jdbc.sql("SELECT 1").query(product);
            postgreSql = known;
        }
        return known;
    }

    long stageByStageSearches() {
        return stageByStage.sum();
    }

    /** The statement a search sends, for EXPLAIN in the benchmark. */
    record Statement(String sql, List<Object> params) {
    }

    List<ResidentSummary> search(String tenant, String query, int limit) {
        Optional<List<Probe>> probes = onePassProbes(query);
        if (probes.isPresent()) {
            if (probes.get().isEmpty()) {
                return List.of();
            }
            boolean oneWord = isOneWordName(probes.get());
            // H2 (the embedded database of a laptop and the demo) has no LATERAL: there a one-word name is read stage by
            // stage, which answers the same page (ResidentSearchEquivalenceIntegrationTests) at the towns' sizes.
            if (!oneWord || onPostgreSql()) {
                Optional<List<ResidentSummary>> page = oneWord
                        ? new RankedPass(tenant, probes.get(), limit).page()
                        : new OnePass(tenant, probes.get(), limit).page();
                if (page.isPresent()) {
                    return page.get();
                }
                stageByStage.increment();
            }
        }
        List<Branch> branches = branches(tenant, query, limit);
        return branches.isEmpty() ? List.of() : page(branches, limit);
    }

    /**
     * Which one-pass read answers: a one-word name (several key kinds, exact matches first) is most often a whole name
     * whose exact current matches fill the page, and {@link RankedPass} stops there; anything longer (a reading with a
     * birth date, a full name) reads every range at once ({@link OnePass}). Measured on 1,000,000 residents (session 4,
     * docs/benchmarks/residents.md): for a reading with a birth date, where few rows match and every range runs anyway,
     * reading everything at once took 0.27× the staged search's p95 and the ranked read 1.27×.
     */
    private static boolean isOneWordName(List<Probe> probes) {
        Probe first = probes.get(0);
        return first.kinds().size() > 1 && first.stages().get(0) == Stage.EXACT;
    }

    /** The probes the one-pass read answers; none for a number (宛名番号 and 世帯番号 are looked up stage by stage). */
    private static Optional<List<Probe>> onePassProbes(String query) {
        String typed = query == null ? "" : query.strip();
        String normalised = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        if (typed.isEmpty()) {
            return Optional.of(List.of());
        }
        if (normalised.matches("[0-9]{1,15}")) {
            return Optional.empty();
        }
        return Optional.of(SearchProbes.of(typed, normalised).stream().filter(probe -> !probe.key().isEmpty()).toList());
    }

    /**
     * The search in two round trips: one statement reads, for every probe, key kind and 除票 flag, the whole key range
     * from the key to the end of its prefix range in index order (exact and folded matches, then the prefix matches),
     * capped at {@link #readAhead} rows and without display columns; the stages are then taken from those rows in rank
     * order, exactly as the staged reads would take them; a second statement reads the display rows of the page.
     * When a stage needs rows beyond the cap (thousands of exact matches followed by too few residents), the page is
     * absent and the caller reads stage by stage.
     */
    private final class OnePass {

        /** Where a key row lies in its range: below, at or above the exact form (same key), or a longer key. */
        private static final int BELOW = 0;
        private static final int EXACT = 1;
        private static final int ABOVE = 2;
        private static final int LONGER = 3;

        private final String tenant;
        private final List<Probe> probes;
        private final int limit;
        private final int cap;
        /** Per range (probe, 除票 flag, kind, in that nesting): the atena numbers read, by region, and the last region. */
        private final List<List<List<String>>> regions = new ArrayList<>();
        private final List<Integer> lastRegion = new ArrayList<>();
        private final List<Boolean> truncated = new ArrayList<>();

        OnePass(String tenant, List<Probe> probes, int limit) {
            this.tenant = tenant;
            this.probes = probes;
            this.limit = limit;
            this.cap = readAhead.applyAsInt(limit);
        }

        Optional<List<ResidentSummary>> page() {
            readRanges();
            List<Candidate> candidates = new ArrayList<>();
            boolean allOfThem = candidates(candidates);
            List<ResidentSummary> page = display(candidates);
            // Short of a full page, the rows the cap cut off might have filled it: only the staged reads can tell.
            return page.size() < limit && !allOfThem ? Optional.empty() : Optional.of(page);
        }

        /** The one statement: every range of every probe, 除票 flag and key kind, in that nesting. */
        Statement rangeStatement() {
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            int range = 0;
            for (Probe probe : probes) {
                for (boolean removed : new boolean[] {false, true}) {
                    for (String kind : probe.kinds()) {
                        sql.append(range == 0 ? "" : " UNION ALL ").append("(SELECT k.atena_number, CASE WHEN k.key_value > ? THEN 3 "
                                        + "WHEN k.exact_value < ? THEN 0 WHEN k.exact_value = ? THEN 1 ELSE 2 END, ")
                                .append(range++).append(" FROM resident_search_key k WHERE k.tenant_id = ? AND k.key_kind = ? "
                                        + "AND k.removed = ? AND k.key_value >= ? AND k.key_value < ? "
                                        + "ORDER BY k.key_value, k.exact_value, k.sort_kana, k.atena_number LIMIT ")
                                .append(cap).append(')');
                        params.addAll(List.of(probe.key(), probe.exact(), probe.exact(), tenant, kind, removed, probe.key(),
                                SearchProbes.upperBound(probe.key())));
                    }
                }
            }
            return new Statement(sql.toString(), params);
        }

        private void readRanges() {
            Statement statement = rangeStatement();
            int ranges = probes.stream().mapToInt(probe -> 2 * probe.kinds().size()).sum();
            for (int range = 0; range < ranges; range++) {
                regions.add(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                lastRegion.add(-1);
                truncated.add(false);
            }
            int[] rowsOfRange = new int[regions.size()];
            jdbc.sql(statement.sql()).params(statement.params()).query(rs -> {
                int range = rs.getInt(3);
                int region = rs.getInt(2);
                regions.get(range).get(region).add(rs.getString(1));
                lastRegion.set(range, region);
                rowsOfRange[range]++;
            });
            for (int range = 0; range < rowsOfRange.length; range++) {
                truncated.set(range, rowsOfRange[range] >= cap);
            }
        }

        /**
         * Adds the page's candidates in rank order (the staged search's order, its per-stage row limits and its
         * first-rank-wins rule), as far as the ranges reach; false when a stage stopped short because the cap cut it off.
         */
        private boolean candidates(List<Candidate> candidates) {
            Set<String> seen = new HashSet<>();
            int range = 0;
            for (Probe probe : probes) {
                int first = range;
                for (Stage stage : probe.stages()) {
                    int index = first;
                    for (int removedFlag = 0; removedFlag < 2; removedFlag++) {
                        for (int kind = 0; kind < probe.kinds().size(); kind++, index++) {
                            List<String> rows = rowsOf(index, stage);
                            int taken = Math.min(rows.size(), limit);
                            for (int row = 0; row < taken; row++) {
                                if (seen.add(rows.get(row))) {
                                    candidates.add(new Candidate(rows.get(row), match(stage)));
                                }
                            }
                            if (taken < limit && !complete(index, stage)) {
                                return false;
                            }
                        }
                    }
                }
                range = first + 2 * probe.kinds().size();
            }
            return true;
        }

        /** The rows of one stage of one range, in the order the staged search reads them. */
        private List<String> rowsOf(int range, Stage stage) {
            List<List<String>> byRegion = regions.get(range);
            return switch (stage) {
                case EXACT -> byRegion.get(EXACT);
                case FOLDED -> {
                    List<String> folded = new ArrayList<>(byRegion.get(BELOW));
                    folded.addAll(byRegion.get(ABOVE));
                    yield folded;
                }
                case PREFIX -> byRegion.get(LONGER);
            };
        }

        /** Whether the range holds every row of the stage (it was not cut off, or the cut lies beyond the stage). */
        private boolean complete(int range, Stage stage) {
            if (!truncated.get(range)) {
                return true;
            }
            int last = lastRegion.get(range);
            return switch (stage) {
                case EXACT -> last > EXACT;
                case FOLDED -> last > ABOVE;
                case PREFIX -> false;
            };
        }

        /** The display rows of the first {@code limit} candidates that have one, in rank order. */
        private List<ResidentSummary> display(List<Candidate> candidates) {
            List<ResidentSummary> page = new ArrayList<>();
            int next = 0;
            while (page.size() < limit && next < candidates.size()) {
                List<Candidate> batch = candidates.subList(next, Math.min(candidates.size(), next + limit - page.size()));
                next += batch.size();
                Map<String, ResidentSummary> shown = new HashMap<>();
                String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
                List<Object> params = new ArrayList<>(List.of(tenant));
                batch.forEach(candidate -> params.add(candidate.atena()));
                Map<String, Match> matches = new HashMap<>();
                batch.forEach(candidate -> matches.put(candidate.atena(), candidate.match()));
                jdbc.sql("SELECT c.atena_number, " + DISPLAY_COLUMNS + " FROM resident_current c WHERE c.tenant_id = ? "
                                + "AND c.atena_number IN (" + marks + ")")
                        .params(params)
                        .query(rs -> {
                            String atena = rs.getString(1);
                            shown.put(atena, summary(atena, rs, matches.get(atena)));
                        });
                batch.stream().map(candidate -> shown.get(candidate.atena())).filter(Objects::nonNull).forEach(page::add);
            }
            return page;
        }
    }

    private record Candidate(String atena, Match match) {
    }

    /**
     * The search of a one-word name (a surname or a given name, in kanji, alphabet or kana) in one round trip: one
     * statement reads the ranges of the query in rank order (probe, stage, 除票 flag, key kind; a folded stage as the
     * two ranges below and above the exact form), each stopped by LIMIT at one page, exactly the ranges the staged reads
     * send one by one, and joins each key row to its display row. It is read with a fetch size of one page, so the
     * database stops after the rows that fill the page and never reads the ranges behind them.
     *
     * <p>The ranges are rows of a {@code VALUES} list, each read by one parameterised index scan ({@code LATERAL}): a
     * range costs the database one index descent, not a scan node of its own. With one {@code UNION ALL} branch per
     * range (sessions 3 to 5) a one-word reading paid for starting up to 24 branches (~10 µs each) and a second round
     * trip, which is what kept the kana prefix above 5 ms p95 (docs/benchmarks/residents.md). Each range is one interval
     * of the index's (key, exact form) pair, so one scan shape serves every stage: the exact form, the folded forms
     * below and above it, and the longer keys.
     *
     * <p>Only when a range reads fewer rows than the page could need (a read-ahead shorter than the page, which the
     * tests set) or a candidate has no display row is the page absent: the caller reads stage by stage.
     */
    private final class RankedPass {

        /** The smallest text after a given text: every key and exact form is text without U+0000 (PostgreSQL refuses it). */
        private static final String NEXT = "\u0001";
        /** Above every exact form: U+10FFFF, the last code point, a noncharacter that no name holds. */
        private static final String LAST = new String(Character.toChars(0x10FFFF));

        private final String tenant;
        private final List<Probe> probes;
        private final int limit;
        /** Rows one range may give: a page, unless the tests shorten it to reach the stage-by-stage reads. */
        private final int cap;
        /** The stages of the query in rank order: probe, stage, 除票 flag, key kind. */
        private final List<Rank> ranks = new ArrayList<>();
        /** Per range of the statement: its rank (a folded stage reads two ranges for one rank). */
        private final List<Integer> rankOfRange = new ArrayList<>();

        RankedPass(String tenant, List<Probe> probes, int limit) {
            this.tenant = tenant;
            this.probes = probes;
            this.limit = limit;
            this.cap = Math.min(limit, readAhead.applyAsInt(limit));
            for (int probe = 0; probe < probes.size(); probe++) {
                for (Stage stage : probes.get(probe).stages()) {
                    for (boolean removed : new boolean[] {false, true}) {
                        for (String kind : probes.get(probe).kinds()) {
                            ranks.add(new Rank(probe, stage, removed, kind));
                        }
                    }
                }
            }
        }

        /**
         * The statement: every range of every rank, in rank order. What was typed goes in once per probe (its key, exact
         * form, the text after the exact form and the end of the key's prefix range); each range takes its bounds from
         * them by the statement's own text.
         */
        Statement statement() {
            rankOfRange.clear();
            List<RangeShape> shapes = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            for (Probe probe : probes) {
                params.addAll(List.of(probe.key(), probe.exact(), probe.exact() + NEXT, SearchProbes.upperBound(probe.key())));
            }
            for (int rank = 0; rank < ranks.size(); rank++) {
                Rank read = ranks.get(rank);
                int probe = read.probe();
                switch (read.stage()) {
                    case EXACT -> range(shapes, rank, probe, Interval.EXACT);
                    // Below and above the exact form: never one range that steps over every exact match.
                    case FOLDED -> {
                        range(shapes, rank, probe, Interval.BELOW);
                        range(shapes, rank, probe, Interval.ABOVE);
                    }
                    case PREFIX -> range(shapes, rank, probe, Interval.LONGER);
                }
            }
            params.add(LAST);
            params.add(tenant);
            params.add(tenant);
            params.add(tenant);
            return new Statement(RANKED_STATEMENTS.computeIfAbsent(new StatementShape(probes.size(), shapes, cap),
                    ResidentSearch::rankedSql), params);
        }

        private void range(List<RangeShape> shapes, int rank, int probe, Interval interval) {
            Rank read = ranks.get(rank);
            rankOfRange.add(rank);
            shapes.add(new RangeShape(read.kind(), read.removed(), probe, interval));
        }

        /**
         * The page: the statement's rows in rank order, each rank giving at most a page and each resident once, until
         * the page is full; absent when a range was cut short by a read-ahead below the page, or a key row has no display
         * row (the staged read settles what the page then holds).
         */
        Optional<List<ResidentSummary>> page() {
            List<ResidentSummary> page = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int[] rowsOfRank = new int[ranks.size()];
            Statement statement = statement();
            // A ResultSetExtractor, so that the loop, not Spring, moves through the rows and stops at a full page.
            boolean complete = jdbc.sql(statement.sql()).params(statement.params()).withFetchSize(limit).query(rs -> {
                int range = -1;
                int rowsOfRange = 0;
                while (page.size() < limit) {
                    if (!rs.next()) {
                        return !cutShort(range, rowsOfRange, rowsOfRank);
                    }
                    int next = rs.getInt(11);
                    if (next != range) {
                        if (cutShort(range, rowsOfRange, rowsOfRank)) {
                            return false;
                        }
                        range = next;
                        rowsOfRange = 0;
                    }
                    rowsOfRange++;
                    int rank = rankOfRange.get(range);
                    // The two ranges of a folded stage give at most a page together, as the staged read's one range.
                    if (rowsOfRank[rank]++ < limit) {
                        String atena = rs.getString(1);
                        if (seen.add(atena)) {
                            if (rs.getString(2) == null) {
                                return false;
                            }
                            page.add(summary(atena, rs, match(ranks.get(rank).stage())));
                        }
                    }
                }
                return true;
            });
            return complete ? Optional.of(page) : Optional.empty();
        }

        /** Whether a range that read its whole cap stopped below what its stage could still take (only with a short cap). */
        private boolean cutShort(int range, int rowsOfRange, int[] rowsOfRank) {
            return range >= 0 && cap < limit && rowsOfRange >= cap && rowsOfRank[rankOfRange.get(range)] < limit;
        }
    }

    /** What the ranked read's statement text depends on: its probes, its ranges' kinds and intervals, and their LIMIT. */
    private record StatementShape(int probes, List<RangeShape> ranges, int cap) {
    }

    private record RangeShape(String kind, boolean removed, int probe, Interval interval) {
    }

    /** Which part of a probe's key a range reads: the exact form, the folded forms below or above it, or longer keys. */
    private enum Interval {
        EXACT, BELOW, ABOVE, LONGER
    }

    /** The ranked read's statements by shape: a handful (the kinds of one-word query), built once each. */
    private static final Map<StatementShape, String> RANKED_STATEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The ranked read's statement for a shape. The ranges' rows as they come, each joined to its display row (nested
     * loops keep their order): a display row is read only for a row the client fetches, and the page needs no statement
     * of its own. A range of longer keys and a range of one key's exact forms are two scan shapes (PostgreSQL stops a
     * scan on a row comparison's first column only); each range runs the one its row asks for. A range's number, key
     * kind and flags are the statement's own constants (a kind is one of {@link SearchKeyRows}' codes).
     */
    private static String rankedSql(StatementShape shape) {
        StringBuilder typed = new StringBuilder();
        for (int probe = 0; probe < shape.probes(); probe++) {
            typed.append(probe == 0 ? "" : ", ").append("CAST(? AS VARCHAR(300)) AS key").append(probe)
                    .append(", CAST(? AS VARCHAR(300)) AS exact").append(probe)
                    .append(", CAST(? AS VARCHAR(300)) AS after").append(probe)
                    .append(", CAST(? AS VARCHAR(300)) AS upper").append(probe);
        }
        StringBuilder values = new StringBuilder();
        for (int range = 0; range < shape.ranges().size(); range++) {
            RangeShape read = shape.ranges().get(range);
            int probe = read.probe();
            String bounds = switch (read.interval()) {
                case EXACT -> "p.key%1$d, p.key%1$d, p.exact%1$d, p.after%1$d";
                case BELOW -> "p.key%1$d, p.key%1$d, '', p.exact%1$d";
                case ABOVE -> "p.key%1$d, p.key%1$d, p.after%1$d, p.last";
                case LONGER -> "p.key%1$d, p.upper%1$d, '', p.last";
            };
            values.append(range == 0 ? "" : ", ").append('(').append(range).append(", '").append(read.kind()).append("', ")
                    .append(read.removed() ? "TRUE" : "FALSE").append(", ").append(read.interval() == Interval.LONGER ? "TRUE" : "FALSE")
                    .append(", ").append(bounds.formatted(probe)).append(')');
        }
        return "SELECT x.atena_number, " + DISPLAY_COLUMNS + ", r.branch FROM (SELECT " + typed
                + ", CAST(? AS VARCHAR(300)) AS last) p CROSS JOIN LATERAL (VALUES " + values
                + ") AS r(branch, kind, removed, longer, from_key, to_key, from_exact, to_exact) CROSS JOIN LATERAL "
                + "((SELECT k.atena_number FROM resident_search_key k WHERE r.longer AND k.tenant_id = ? "
                + "AND k.key_kind = r.kind AND k.removed = r.removed AND k.key_value > r.from_key AND k.key_value < r.to_key "
                + "ORDER BY k.key_value, k.exact_value, k.sort_kana, k.atena_number LIMIT " + shape.cap() + ") UNION ALL "
                + "(SELECT k.atena_number FROM resident_search_key k WHERE NOT r.longer AND k.tenant_id = ? "
                + "AND k.key_kind = r.kind AND k.removed = r.removed AND k.key_value = r.from_key "
                + "AND k.exact_value >= r.from_exact AND k.exact_value < r.to_exact "
                + "ORDER BY k.exact_value, k.sort_kana, k.atena_number LIMIT " + shape.cap() + ")) x "
                + "LEFT JOIN resident_current c ON c.tenant_id = ? AND c.atena_number = x.atena_number";
    }

    /** One stage of the ranked read: the index of its probe in the query's probes, the stage, 除票 flag and key kind. */
    private record Rank(int probe, Stage stage, boolean removed, String kind) {
    }

    /** The range statement of the one-pass read, for EXPLAIN in the benchmark (none for numbers). */
    Optional<Statement> statement(String tenant, String query, int limit) {
        return onePassProbes(query).filter(probes -> !probes.isEmpty())
                .map(probes -> {
                    if (isOneWordName(probes)) {
                        return new RankedPass(tenant, probes, limit).statement();
                    }
                    return new OnePass(tenant, probes, limit).rangeStatement();
                });
    }

    private static Statement statement(List<Branch> branches) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Branch branch : branches) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ").append(branch.sql());
            params.addAll(branch.params());
        }
        return new Statement(sql.toString(), params);
    }

    private static List<Branch> branches(String tenant, String query, int limit) {
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        String normalised = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
        List<Branch> branches = new ArrayList<>();
        if (normalised.matches("[0-9]{1,15}")) {
            numberLookups(tenant, normalised, branches);
        }
        for (Probe probe : SearchProbes.of(typed, normalised)) {
            if (probe.key().isEmpty()) {
                continue;
            }
            for (Stage stage : probe.stages()) {
                for (boolean removed : new boolean[] {false, true}) {
                    for (String kind : probe.kinds()) {
                        branches.add(read(branches.size(), tenant, kind, removed, stage, probe, limit));
                    }
                }
            }
        }
        return branches;
    }

    /**
     * Streams the branches' rows in order, {@link #BRANCHES_PER_STATEMENT} branches per statement, and keeps the first
     * {@code limit} residents (each at its best rank); the next statement is sent only when the page is not full.
     */
    private List<ResidentSummary> page(List<Branch> branches, int limit) {
        Map<String, ResidentSummary> found = new LinkedHashMap<>();
        Map<Integer, Integer> rowsOfBranch = new HashMap<>();
        int[] residents = {0};
        for (int from = 0; from < branches.size() && residents[0] < limit; from += BRANCHES_PER_STATEMENT) {
            Statement statement = statement(branches.subList(from, Math.min(branches.size(), from + BRANCHES_PER_STATEMENT)));
            // A ResultSetExtractor (it returns), so that the loop, not Spring, moves through the rows and can stop early.
            jdbc.sql(statement.sql()).params(statement.params()).withFetchSize(limit).query(rs -> {
                while (residents[0] < limit && rs.next()) {
                    String atena = rs.getString(1);
                    int number = rs.getInt(11);
                    Branch branch = branches.get(number);
                    // A folded branch is two ranges (below and above the exact form): together they give at most its rows.
                    if (rowsOfBranch.merge(number, 1, Integer::sum) > branch.rows() || found.containsKey(atena)) {
                        continue;
                    }
                    ResidentSummary summary = rs.getString(2) == null ? null : summary(atena, rs, branch.match());
                    found.put(atena, summary);
                    residents[0] += summary == null ? 0 : 1;
                }
                return Boolean.TRUE;
            });
        }
        return found.values().stream().filter(Objects::nonNull).toList();
    }

    private static ResidentSummary summary(String atena, java.sql.ResultSet rs, Match match) throws java.sql.SQLException {
        ResidentKind kind = ResidentKind.valueOf(rs.getString(3));
        RecordedDate birth = RegistryStore.decode(rs.getString(7));
        String building = rs.getString(10);
        return new ResidentSummary(AtenaNumber.migrated(atena), HouseholdNumber.migrated(rs.getString(2)), rs.getString(5),
                rs.getString(6), kind == ResidentKind.FOREIGN ? birth.toGregorianText() : birth.toJapaneseEraText(),
                ResidentStatus.valueOf(rs.getString(4)), kind, rs.getString(8),
                building.isEmpty() ? rs.getString(9) : rs.getString(9) + "　" + building, match);
    }

    private static Match match(Stage stage) {
        return switch (stage) {
            case EXACT -> Match.EXACT;
            case FOLDED -> Match.FOLDED;
            case PREFIX -> Match.PREFIX;
        };
    }

    private static Branch read(int number, String tenant, String kind, boolean removed, Stage stage, Probe probe, int rows) {
        String select = "(" + KEY_BRANCH.formatted(number);
        String limit = " LIMIT " + rows + ")";
        return switch (stage) {
            case EXACT -> new Branch(select + "k.key_value = ? AND k.exact_value = ? ORDER BY k.sort_kana, k.atena_number" + limit,
                    List.of(tenant, kind, removed, probe.key(), probe.exact()), Match.EXACT, rows);
            // Two ranges around the exact form, never one range that steps over every exact match in the index.
            case FOLDED -> new Branch(select + "k.key_value = ? AND k.exact_value < ? "
                            + "ORDER BY k.exact_value, k.sort_kana, k.atena_number" + limit + " UNION ALL " + select
                            + "k.key_value = ? AND k.exact_value > ? ORDER BY k.exact_value, k.sort_kana, k.atena_number" + limit,
                    List.of(tenant, kind, removed, probe.key(), probe.exact(), tenant, kind, removed, probe.key(), probe.exact()),
                    match(stage), rows);
            case PREFIX -> new Branch(select + "k.key_value > ? AND k.key_value < ? "
                            + "ORDER BY k.key_value, k.exact_value, k.sort_kana, k.atena_number" + limit,
                    List.of(tenant, kind, removed, probe.key(), SearchProbes.upperBound(probe.key())), Match.PREFIX, rows);
        };
    }

    private static void numberLookups(String tenant, String digits, List<Branch> branches) {
        String select = "(SELECT c.atena_number, " + DISPLAY_COLUMNS + ", %d AS branch FROM resident_current c WHERE c.tenant_id = ? AND ";
        branches.add(new Branch(select.formatted(branches.size()) + "c.atena_number = ?)", List.of(tenant, digits), Match.EXACT, 1));
        branches.add(new Branch(select.formatted(branches.size()) + "c.household_number = ? "
                + "ORDER BY c.status <> 'RESIDENT', c.relationship <> '世帯主', c.atena_number LIMIT " + LIMIT + ")",
                List.of(tenant, digits), Match.EXACT, LIMIT));
    }

    /** See {@link SearchProbes#upperBound}. */
    static String upperBound(String prefix) {
        return SearchProbes.upperBound(prefix);
    }

    static Optional<RecordedDate> date(String text) {
        return SearchProbes.date(text);
    }

    static String datePrefix(RecordedDate date) {
        return SearchProbes.datePrefix(date);
    }

    static boolean isKana(String text) {
        return SearchProbes.isKana(text);
    }
}
