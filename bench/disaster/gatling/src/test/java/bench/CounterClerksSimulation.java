package bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Counter clerks of a town after a disaster, through the API: each simulated clerk takes one victim at a
 * time from the search to the 罹災証明書 — search by フリガナ and birth date, damage report, survey, certificate PDF.
 * Before each step the clerk thinks: interviews the victim, reads the screen, types (JC_THINK_MEAN_MS, mean of a
 * shifted exponential: at least a fifth of the mean, at most four times it, drawn from JC_THINK_SEED and the
 * victim's 宛名番号 so that a rerun pauses alike; docs/benchmarks/disaster-load.md says why). With
 * JC_THINK_MEAN_MS=0 the clerk sends the next request as soon as the last one answered: the capacity run. The number
 * of clerks steps up level by level (a closed model: exactly N clerks busy at every moment of a level); the
 * requests of each level are grouped as {@code cNNN} so that the report gives percentiles per step and level.
 *
 * <p>Everything comes from the environment that {@code bench/disaster/run} sets: the server, the tenant, the
 * disaster, one clerk account's credentials (HTTP Basic, which the API takes; every simulated clerk uses it),
 * the feeder of residents (フリガナ, birth date, 宛名番号, damage ratio and its level) and the levels.
 */
public class CounterClerksSimulation extends Simulation {

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (bench/disaster/run sets it)");
        }
        return value;
    }

    private final String disasterPath = "/api/v1/t/" + env("JC_TENANT") + "/disasters/" + env("JC_DISASTER_ID");
    private final String reportedOn = env("JC_REPORTED_ON");
    private final List<Integer> levels = Arrays.stream(env("JC_LEVELS", "10 20 30 40 50 60 70 80 90 100").trim().split("\\s+"))
            .map(Integer::valueOf).toList();
    private final Duration levelDuration = Duration.ofSeconds(Long.parseLong(env("JC_LEVEL_SECONDS", "60")));
    private final Duration warmUp = Duration.ofSeconds(Long.parseLong(env("JC_WARMUP_SECONDS", "30")));
    private final long thinkMeanMs = Long.parseLong(env("JC_THINK_MEAN_MS", "0"));
    private final long thinkSeed = Long.parseLong(env("JC_THINK_SEED", "20160414"));
    private final FeederBuilder<String> residents = csv(env("JC_FEEDER")).circular();

    private final HttpProtocolBuilder protocol = http.baseUrl(env("JC_BASE_URL"))
            .basicAuth(env("JC_USER"), env("JC_PASSWORD"))
            .acceptHeader("application/json")
            .userAgentHeader("jc-bench-disaster");

    /** One victim from the search to the certificate. */
    private ChainBuilder oneVictim(String level) {
        // A failed step ends the victim: the next steps are not sent without the value it should have given.
        return exec(session -> session).feed(residents).group(level).on(exitBlockOnFail().on(
                think(0).exec(http("1 search").get(disasterPath + "/victims").queryParam("q", "#{kana} #{birth}")
                        .check(status().is(200))
                        // The person searched for must be among the matches: a search that finds nothing is an error.
                        .check(jsonPath("$[?(@.atenaNumber == '#{atena}')].atenaNumber").exists().saveAs("found")))
                        .exec(think(1))
                        .exec(http("2 damage report").post(disasterPath + "/damage-reports")
                                .body(StringBody("{\"atenaNumber\":\"#{found}\",\"reportedOn\":\"" + reportedOn
                                        + "\",\"description\":\"屋根瓦の落下と外壁のひび割れ（負荷試験）\"}")).asJson()
                                .check(status().is(201)).check(jsonPath("$.id").saveAs("reportId")))
                        .exec(think(2))
                        .exec(http("3 survey").post(disasterPath + "/surveys")
                                .body(StringBody("{\"reportId\":#{reportId},\"damageRatio\":#{ratio}}")).asJson()
                                .check(status().is(201)).check(jsonPath("$.level").isEL("#{level}")))
                        .exec(think(3))
                        .exec(http("4 certificate").post(disasterPath + "/certificates")
                                .body(StringBody("{\"reportId\":#{reportId}}")).asJson()
                                .header("Accept", "application/pdf")
                                .check(status().is(200))
                                .check(header("Content-Type").is("application/pdf"))
                                .check(bodyBytes().transform(pdf -> pdf.length > 1000 && pdf[0] == '%' && pdf[1] == 'P'
                                        && pdf[2] == 'D' && pdf[3] == 'F').is(true)))));
    }

    /** The clerk's time before step {@code step} (0: the interview before the search) of the session's victim. */
    private ChainBuilder think(int step) {
        if (thinkMeanMs <= 0) {
            return exec(session -> session);
        }
        return pause(session -> thinkTime(session.getString("atena"), step));
    }

    Duration thinkTime(String atena, int step) {
        SplittableRandom random = new SplittableRandom(thinkSeed ^ (atena.hashCode() * 31L + step) * 0x9E3779B97F4A7C15L);
        double minimum = thinkMeanMs / 5.0;
        double exponential = -Math.log(1 - random.nextDouble()) * (thinkMeanMs - minimum);
        return Duration.ofMillis(Math.round(Math.min(minimum + exponential, 4.0 * thinkMeanMs)));
    }

    private PopulationBuilder clerks(String name, int count, Duration duration) {
        return scenario(name).exec(oneVictim(name)).injectClosed(constantConcurrentUsers(count).during(duration));
    }

    {
        // The levels run one after the other: each starts when the last clerk of the previous one finished.
        List<PopulationBuilder> steps = new ArrayList<>();
        if (!warmUp.isZero()) {
            steps.add(clerks("warm-up", levels.get(0), warmUp));
        }
        for (int level : levels) {
            steps.add(clerks(String.format("c%03d", level), level, levelDuration));
        }
        PopulationBuilder chain = steps.get(steps.size() - 1);
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol);
    }
}
