package jp.jichitai.cloud.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.shared.BusinessException;

/** A contract's hours, as written, stored and shown, and the open time between two instants. */
class ServiceWindowTests {

    @Test
    void officeHoursAreReadWrittenAndShownInJapanese() {
        ServiceWindow office = ServiceWindow.parse("mon-fri 8:30 - 17:15");

        assertThat(office.written()).isEqualTo("MON-FRI 08:30-17:15");
        assertThat(office.japanese()).isEqualTo("平日 8:30〜17:15");
        assertThat(ServiceWindow.parse(office.written()).written()).isEqualTo(office.written());
        // June 2025 has 21 weekdays of 8 h 45 min
        assertThat(office.serviceTime(YearMonth.of(2025, 6))).isEqualTo(Duration.ofMinutes(21 * 525));
    }

    @Test
    void twentyFourHoursAndDayListsRoundTrip() {
        assertThat(ServiceWindow.parse("24h").japanese()).isEqualTo("24時間365日");
        assertThat(ServiceWindow.parse("24H").written()).isEqualTo("24h");
        ServiceWindow someDays = ServiceWindow.parse("MON,WED-THU 09:00-24:00");
        assertThat(someDays.written()).isEqualTo("MON,WED,THU 09:00-24:00");
        assertThat(someDays.japanese()).isEqualTo("月水木 9:00〜24:00");
        assertThat(ServiceWindow.parse("MON-SUN 00:00-24:00").written()).isEqualTo("24h");
    }

    @Test
    void refusesWhatIsNotAWindowWithTheInputInTheMessage() {
        for (String bad : new String[] {"", "平日", "MON-FRI 17:15-08:30", "FRI-MON 08:30-17:15", "XYZ 08:30-17:15",
                "MON-FRI 25:00-26:00"}) {
            assertThatThrownBy(() -> ServiceWindow.parse(bad)).as(bad).isInstanceOf(BusinessException.class)
                    .extracting(e -> ((BusinessException) e).messageId().value()).isIn("E-OPS-0014", "E-OPS-0002");
        }
        assertThatThrownBy(() -> ServiceWindow.parse("毎日"))
                .hasMessageContaining("毎日");
    }

    @Test
    void openTimeCountsOnlyTheWindowsHours() {
        ServiceWindow office = ServiceWindow.parse("MON-FRI 08:30-17:15");
        // Friday 2025-06-13 17:00 to Monday 2025-06-16 09:00: 15 min on Friday, 30 min on Monday
        assertThat(office.openTimeBetween(LocalDateTime.parse("2025-06-13T17:00"), LocalDateTime.parse("2025-06-16T09:00")))
                .isEqualTo(Duration.ofMinutes(45));
        // Received on Saturday, answered on Sunday: no desk time at all
        assertThat(office.openTimeBetween(LocalDateTime.parse("2025-06-14T10:00"), LocalDateTime.parse("2025-06-15T10:00")))
                .isZero();
        assertThat(ServiceWindow.allDayEveryDay().openTimeBetween(LocalDateTime.parse("2025-06-13T17:00"),
                LocalDateTime.parse("2025-06-16T09:00"))).isEqualTo(Duration.ofHours(64));
    }
}
