package jp.jichitai.cloud.residents.internal;

import java.time.LocalDate;

import jp.jichitai.cloud.residents.RecordedDate;

/** Calendar days in messages, in 和暦 as the counter reads them. */
public final class JapaneseDates {

    private JapaneseDates() {
    }

    public static String text(LocalDate date) {
        return RecordedDate.of(date).toJapaneseEraText();
    }
}
