package jp.jichitai.cloud.residents.web;

import java.time.LocalDate;
import java.util.Optional;

import jp.jichitai.cloud.residents.RecordedDate;

/** Texts the screens show: days in 和暦, absent items as ―. (Templates have no lambdas.) */
public final class ScreenText {

    private ScreenText() {
    }

    public static String era(LocalDate day) {
        return RecordedDate.of(day).toJapaneseEraText();
    }

    public static String notified(Optional<LocalDate> day) {
        return day.map(ScreenText::era).orElse("（職権）");
    }

    public static String gregorian(Optional<RecordedDate> date) {
        return date.map(RecordedDate::toGregorianText).orElse("―");
    }
}
