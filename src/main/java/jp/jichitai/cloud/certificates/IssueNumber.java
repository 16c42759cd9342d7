package jp.jichitai.cloud.certificates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 発行番号 (issue number) printed on every page, in the form of the 住民記録システム標準仕様書:
 * {@code 20200502 名寄市 本庁1 プリンタ001 011 1/2} — issue date, municipality, issuing office, printer,
 * serial number of the day, then page and page count. The caller supplies everything up to the serial
 * number; the engine appends {@code p/n} to each page.
 */
public final class IssueNumber {

    private static final DateTimeFormatter BASIC_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern WORD = Pattern.compile("[^\\s]+");
    private static final Pattern FORM =
            Pattern.compile("([0-9]{8}) ([^\\s]+) ([^\\s]+) ([^\\s]+) ([0-9]{3,})");

    private final LocalDate issueDate;
    private final String municipality;
    private final String office;
    private final String printer;
    private final int serial;

    private IssueNumber(LocalDate issueDate, String municipality, String office, String printer, int serial) {
        if (issueDate == null) {
            throw new IllegalArgumentException("issue date must not be null");
        }
        requireWord(municipality, "municipality");
        requireWord(office, "office");
        requireWord(printer, "printer");
        if (serial < 1) {
            throw new IllegalArgumentException("serial number must be positive: " + serial);
        }
        this.issueDate = issueDate;
        this.municipality = municipality;
        this.office = office;
        this.printer = printer;
        this.serial = serial;
    }

    /** E.g. {@code of(2020-05-02, "名寄市", "本庁1", "プリンタ001", 11)}. */
    public static IssueNumber of(LocalDate issueDate, String municipality, String office, String printer, int serial) {
        return new IssueNumber(issueDate, municipality, office, printer, serial);
    }

    /** Parses the caller's part, e.g. {@code 20200502 名寄市 本庁1 プリンタ001 011}. */
    public static IssueNumber parse(String text) {
        Matcher matcher = text == null ? null : FORM.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("issue number must look like 20200502 名寄市 本庁1 プリンタ001 011: " + text);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(matcher.group(1), BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("issue number has no valid date: " + text, e);
        }
        return new IssueNumber(date, matcher.group(2), matcher.group(3), matcher.group(4),
                Integer.parseInt(matcher.group(5)));
    }

    private static void requireWord(String value, String what) {
        if (value == null || !WORD.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be one word without spaces: " + value);
        }
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public String municipality() {
        return municipality;
    }

    public String office() {
        return office;
    }

    public String printer() {
        return printer;
    }

    public int serial() {
        return serial;
    }

    /** The caller's part, without page numbers: {@code 20200502 名寄市 本庁1 プリンタ001 011}. */
    public String text() {
        return BASIC_DATE.format(issueDate) + ' ' + municipality + ' ' + office + ' ' + printer + ' '
                + String.format("%03d", serial);
    }

    /** The number printed on one page: {@code 20200502 名寄市 本庁1 プリンタ001 011 1/2}. */
    public String forPage(int page, int pageCount) {
        if (page < 1 || page > pageCount) {
            throw new IllegalArgumentException("page " + page + " of " + pageCount);
        }
        return text() + ' ' + page + '/' + pageCount;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssueNumber number && number.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
