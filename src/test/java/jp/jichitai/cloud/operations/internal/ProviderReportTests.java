package jp.jichitai.cloud.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The provider's whole is added up from the towns' counts and minutes, never averaged from percentages. */
class ProviderReportTests {

    @Test
    void theWholeAddsUpCountsAndMinutes() {
        // A 30-day town with a 2-hour stop (99.72%) and an office-hours town with no stop (100%):
        // averaging the percentages would give 99.86%; the agreed minutes give (43,200 + 11,025 - 120) / 54,225.
        SlaFigures allDay = town("012211", 43_200, 0, 120, 1_000, 990, 3, 2);
        SlaFigures officeHours = town("012203", 11_025, 0, 0, 9_000, 8_100, 1, 1);

        SlaFigures whole = ProviderReport.whole("2025-06", List.of(allDay, officeHours), 1, new SlaProperties());

        assertThat(whole.serviceMinutes()).isEqualTo(54_225);
        assertThat(whole.incidentMinutes()).isEqualTo(120);
        // 54,105 / 54,225 = 99.778...% -> 99.77%
        assertThat(whole.availability()).isEqualByComparingTo("99.77");
        // (990 + 8,100) / (1,000 + 9,000) = 90.9%, not the mean of 99% and 90%
        assertThat(whole.onlineCompliance()).isEqualByComparingTo("90.90");
        assertThat(whole.onlineComplianceMet()).isFalse();
        // 3 of 4 tickets in time
        assertThat(whole.supportCompliance()).isEqualByComparingTo("75.00");
        assertThat(whole.incidentCount()).isEqualTo(1);
        assertThat(whole.tenant()).isEqualTo(ProviderReport.WHOLE);
    }

    private static SlaFigures town(String code, long serviceMinutes, long planned, long incident, long requests,
            long requestsWithin, long tickets, long ticketsInTime) {
        return new SlaFigures(code, "2025-06", "", serviceMinutes, planned, 0, incident, incident > 0 ? 1 : 0, null,
                new BigDecimal("99.5"), null, requests, requestsWithin, BigDecimal.valueOf(3), null,
                new BigDecimal("95"), null, 0, 0, null, new BigDecimal("95"), null, "", 0, 465, tickets,
                ticketsInTime, 0, null, new BigDecimal("90"), null);
    }
}
