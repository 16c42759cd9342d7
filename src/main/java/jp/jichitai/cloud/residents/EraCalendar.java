package jp.jichitai.cloud.residents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * 元号表 (era table): the Japanese eras and the day each began, read as data so that a future era is added by
 * configuration, not by a code change.
 *
 * <p>The standard table is {@code residents/eras.tsv} on the class path; a tenant or a test can use another
 * file with {@link #load(Path)}. Rows are {@code name<TAB>first day<TAB>letter}, in order of their first day.
 */
public final class EraCalendar {

    private static final String STANDARD_TABLE = "residents/eras.tsv";

    /** 元号 (era): its name, its first day and the letter of its abbreviated form (S45.3.1). */
    public record Era(String name, LocalDate firstDay, char letter) {
        public Era {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(firstDay, "firstDay");
            if (name.isBlank() || !Character.isLetter(letter)) {
                throw new IllegalArgumentException("an era needs a name and a letter: " + name + " " + letter);
            }
            letter = Character.toUpperCase(letter);
        }

        /** The Gregorian year of this era's year {@code eraYear} (元年 is 1). */
        public int gregorianYearOf(int eraYear) {
            return firstDay.getYear() + eraYear - 1;
        }

        /** This era's year number for a Gregorian year. */
        public int eraYearOf(int gregorianYear) {
            return gregorianYear - firstDay.getYear() + 1;
        }
    }

    private final List<Era> eras;

    private EraCalendar(List<Era> eras) {
        if (eras.isEmpty()) {
            throw new IllegalArgumentException("an era table needs at least one era");
        }
        Set<String> names = new HashSet<>();
        Set<Character> letters = new HashSet<>();
        for (int i = 0; i < eras.size(); i++) {
            Era era = eras.get(i);
            if (!names.add(era.name()) || !letters.add(era.letter())) {
                throw new IllegalArgumentException("era name and letter must be unique: " + era);
            }
            if (i > 0 && !era.firstDay().isAfter(eras.get(i - 1).firstDay())) {
                throw new IllegalArgumentException("eras must be in order of their first day: " + era);
            }
        }
        this.eras = List.copyOf(eras);
    }

    /** The table shipped with the system ({@code residents/eras.tsv}). */
    public static EraCalendar standard() {
        return StandardHolder.STANDARD;
    }

    /** An era table from a file in the {@code eras.tsv} format, e.g. one that adds a new era. */
    public static EraCalendar load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read era table " + file, e);
        }
    }

    /** An era table in the {@code eras.tsv} format. */
    public static EraCalendar load(Reader source) {
        List<Era> eras = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String row = line.strip();
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                String[] columns = row.split("\t");
                if (columns.length != 3 || columns[2].strip().length() != 1) {
                    throw new IllegalArgumentException("era table line " + number + ": name<TAB>first day<TAB>letter expected");
                }
                try {
                    eras.add(new Era(columns[0].strip(), LocalDate.parse(columns[1].strip()), columns[2].strip().charAt(0)));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("era table line " + number + ": bad first day " + columns[1], e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EraCalendar(eras);
    }

    /** All eras, oldest first. */
    public List<Era> eras() {
        return eras;
    }

    public Optional<Era> byName(String name) {
        return eras.stream().filter(era -> era.name().equals(name)).findFirst();
    }

    public Optional<Era> byLetter(char letter) {
        char upper = Character.toUpperCase(letter);
        return eras.stream().filter(era -> era.letter() == upper).findFirst();
    }

    /** The era that follows {@code era}, if the table knows one. */
    public Optional<Era> next(Era era) {
        int index = eras.indexOf(era);
        return index >= 0 && index + 1 < eras.size() ? Optional.of(eras.get(index + 1)) : Optional.empty();
    }

    /**
     * The era in effect on year/month/day, compared field by field so that impossible days such as
     * 2月30日 still fall into an era. Empty before the first era.
     */
    public Optional<Era> eraOn(int year, int month, int day) {
        int key = year * 10_000 + month * 100 + day;
        Era found = null;
        for (Era era : eras) {
            LocalDate first = era.firstDay();
            if (first.getYear() * 10_000 + first.getMonthValue() * 100 + first.getDayOfMonth() <= key) {
                found = era;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The Gregorian years in which {@code era}'s year numbers may be recorded: its first year up to the year the next era began. */
    public boolean allowsYear(Era era, int gregorianYear) {
        if (gregorianYear < era.firstDay().getYear()) {
            return false;
        }
        return next(era).map(following -> gregorianYear <= following.firstDay().getYear()).orElse(true);
    }

    private static final class StandardHolder {
        static final EraCalendar STANDARD = loadStandard();

        private static EraCalendar loadStandard() {
            InputStream stream = EraCalendar.class.getClassLoader().getResourceAsStream(STANDARD_TABLE);
            if (stream == null) {
                throw new IllegalStateException("missing class path resource " + STANDARD_TABLE);
            }
            return load(new InputStreamReader(stream, StandardCharsets.UTF_8));
        }
    }
}
