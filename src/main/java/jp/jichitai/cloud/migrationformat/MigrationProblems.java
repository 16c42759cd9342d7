package jp.jichitai.cloud.migrationformat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/**
 * The errors and warnings found while reading, validating and writing migration files. All are counted;
 * only the first {@code listLimit} of each kind are kept with their text, so that a file full of errors
 * cannot exhaust memory.
 */
public final class MigrationProblems {

    /** Default number of errors and of warnings that are listed one by one. */
    public static final int DEFAULT_LIST_LIMIT = 100;

    private static final Messages MESSAGES = Messages.of("migration");
    /** More errors than a row has columns and rules are not about one row; they are counted, not kept per row. */
    private static final int MOST_ERRORS_OF_A_ROW = 256;

    private final int listLimit;
    private final List<MigrationProblem> errors = new ArrayList<>();
    private final List<MigrationProblem> warnings = new ArrayList<>();
    private long errorCount;
    private long warningCount;
    private final Map<String, Long> countsById = new TreeMap<>();
    private MessageId firstErrorSinceMark;
    private final List<RejectionReason> errorsSinceMark = new ArrayList<>();

    public MigrationProblems(int listLimit) {
        this.listLimit = listLimit;
    }

    public MigrationProblems() {
        this(DEFAULT_LIST_LIMIT);
    }

    /** The Japanese text of a migration message. */
    public static String text(MessageId id, Object... arguments) {
        return MESSAGES.text(id, arguments);
    }

    /** Records a problem; the text is only built when the problem is listed. */
    public void report(String file, long line, int column, MessageId id, Object... arguments) {
        countsById.merge(id.value(), 1L, Long::sum);
        boolean error = id.value().startsWith("E");
        List<MigrationProblem> list = error ? errors : warnings;
        if (error) {
            errorCount++;
            if (firstErrorSinceMark == null) {
                firstErrorSinceMark = id;
            }
            if (errorsSinceMark.size() < MOST_ERRORS_OF_A_ROW) {
                errorsSinceMark.add(new RejectionReason(id, column));
            }
        } else {
            warningCount++;
        }
        if (list.size() < listLimit) {
            list.add(new MigrationProblem(file, line, column, id, text(id, arguments)));
        }
    }

    /** Starts watching for the first error of a row; see {@link #firstErrorSinceMark()}. */
    public void mark() {
        firstErrorSinceMark = null;
        errorsSinceMark.clear();
    }

    /** The errors since {@link #mark()} with their columns, in the order found: why a row was rejected. */
    public List<RejectionReason> errorsSinceMark() {
        return List.copyOf(errorsSinceMark);
    }

    /** The id of the first error since {@link #mark()}, or null: why a row was rejected. */
    public MessageId firstErrorSinceMark() {
        return firstErrorSinceMark;
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public long errorCount() {
        return errorCount;
    }

    public long warningCount() {
        return warningCount;
    }

    /** The first errors, in the order found. */
    public List<MigrationProblem> listedErrors() {
        return Collections.unmodifiableList(errors);
    }

    /** The first warnings, in the order found. */
    public List<MigrationProblem> listedWarnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** How many problems of each message id were found. */
    public Map<String, Long> countsById() {
        return Collections.unmodifiableMap(countsById);
    }

    /**
     * Adds the problems another collector found after this one's (e.g. the files read by another thread): the counts
     * add up, and the other's listed problems follow this one's up to the list limit, so the result is the same as if
     * one collector had seen them all in that order.
     */
    public void addAll(MigrationProblems later) {
        later.countsById.forEach((id, count) -> countsById.merge(id, count, Long::sum));
        errorCount += later.errorCount;
        warningCount += later.warningCount;
        for (MigrationProblem problem : later.errors) {
            if (errors.size() < listLimit) {
                errors.add(problem);
            }
        }
        for (MigrationProblem problem : later.warnings) {
            if (warnings.size() < listLimit) {
                warnings.add(problem);
            }
        }
    }

    /**
     * Adds the problems of the part of a file that follows the part this collector saw, found by another collector
     * whose lines are numbered from 1 again: {@code lineOffset} is the number of lines before that part. Some
     * warnings of id {@code droppable} may not hold for the whole file (a first occurrence that the earlier part had
     * already seen): {@code dropNth} says which by their ordinal among the later collector's reports of that id, and
     * {@code droppedCount} is how many in all (listed or not). The later collector must have listed at least
     * {@code listLimit} more warnings than may be dropped, so that what is listed here is what one collector would list.
     */
    public void addAllShifted(MigrationProblems later, long lineOffset, MessageId droppable, java.util.function.IntPredicate dropNth,
            long droppedCount) {
        later.countsById.forEach((id, count) -> countsById.merge(id, count, Long::sum));
        if (droppedCount > 0) {
            countsById.computeIfPresent(droppable.value(), (id, count) -> count - droppedCount == 0 ? null : count - droppedCount);
            if (droppable.value().startsWith("E")) {
                errorCount -= droppedCount;
            } else {
                warningCount -= droppedCount;
            }
        }
        errorCount += later.errorCount;
        warningCount += later.warningCount;
        int nth = 0;
        for (List<MigrationProblem> list : List.of(later.errors, later.warnings)) {
            List<MigrationProblem> mine = list == later.errors ? errors : warnings;
            for (MigrationProblem problem : list) {
                if (problem.id().equals(droppable) && dropNth.test(nth++)) {
                    continue;
                }
                if (mine.size() < listLimit) {
                    mine.add(new MigrationProblem(problem.file(), problem.line() == 0 ? 0 : problem.line() + lineOffset, problem.column(), problem.id(), problem.text()));
                }
            }
        }
    }

    public int listLimit() {
        return listLimit;
    }

    /** The listed errors as {@code FILE:LINE:COLUMN: ID text} lines, then a line counting the rest. */
    public List<String> errorLines() {
        List<String> lines = new ArrayList<>();
        errors.forEach(problem -> lines.add(problem.format()));
        if (errorCount > errors.size()) {
            MessageId more = MessageId.of("E-MIG-0009");
            lines.add(more + " " + text(more, errorCount - errors.size(), listLimit));
        }
        return lines;
    }
}
