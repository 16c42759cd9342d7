package jp.jichitai.cloud.migrationformat;

import java.util.Objects;
import jp.jichitai.cloud.shared.MessageId;

/**
 * One finding about a migration file: where it is (file, line, column = field number, 0 for the whole
 * line or file) and what (message id and Japanese text). Printed as {@code FILE:LINE:COLUMN: ID text}.
 */
public record MigrationProblem(String file, long line, int column, MessageId id, String text) {

    public MigrationProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }

    public boolean isError() {
        return id.value().startsWith("E");
    }

    public String format() {
        return file + ":" + line + ":" + column + ": " + id + " " + text;
    }

    @Override
    public String toString() {
        return format();
    }
}
