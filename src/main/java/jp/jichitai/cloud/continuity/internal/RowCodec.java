package jp.jichitai.cloud.continuity.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jp.jichitai.cloud.continuity.internal.TenantTables.Column;

/**
 * One row as bytes, the same on H2 and PostgreSQL: each value is a type tag and a canonical form
 * (a timestamp with time zone as its instant, a number as its decimal text), so that a row read back
 * after a restore gives the very same bytes and therefore the same checksum.
 */
public final class RowCodec {

    private static final byte NULL = 0;
    private static final byte TEXT = 'S';
    private static final byte INTEGER = 'I';
    private static final byte DECIMAL = 'N';
    private static final byte FLOATING = 'F';
    private static final byte BOOLEAN = 'B';
    private static final byte DATE = 'd';
    private static final byte TIME = 't';
    private static final byte LOCAL_TIMESTAMP = 'T';
    private static final byte INSTANT = 'Z';
    private static final byte BYTES = 'X';

    private RowCodec() {
    }

    public static byte[] encode(ResultSet row, List<Column> columns) throws SQLException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (int index = 0; index < columns.size(); index++) {
                write(out, row, index + 1, columns.get(index));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, ResultSet row, int position, Column column)
            throws SQLException, IOException {
        switch (kindOf(column)) {
            case INTEGER -> {
                long value = row.getLong(position);
                if (tagNull(out, row)) {
                    return;
                }
                out.writeByte(INTEGER);
                out.writeLong(value);
            }
            case DECIMAL -> writeText(out, DECIMAL, bigDecimalText(row.getBigDecimal(position)));
            case FLOATING -> {
                double value = row.getDouble(position);
                if (tagNull(out, row)) {
                    return;
                }
                out.writeByte(FLOATING);
                out.writeLong(Double.doubleToLongBits(value));
            }
            case BOOLEAN -> {
                boolean value = row.getBoolean(position);
                if (tagNull(out, row)) {
                    return;
                }
                out.writeByte(BOOLEAN);
                out.writeBoolean(value);
            }
            case DATE -> writeText(out, DATE, text(row.getObject(position, LocalDate.class)));
            case TIME -> writeText(out, TIME, text(row.getObject(position, LocalTime.class)));
            case LOCAL_TIMESTAMP -> writeText(out, LOCAL_TIMESTAMP, text(row.getObject(position, LocalDateTime.class)));
            case INSTANT -> {
                OffsetDateTime value = row.getObject(position, OffsetDateTime.class);
                writeText(out, INSTANT, value == null ? null : value.toInstant().toString());
            }
            case BYTES -> {
                byte[] value = row.getBytes(position);
                if (value == null) {
                    out.writeByte(NULL);
                    return;
                }
                out.writeByte(BYTES);
                out.writeInt(value.length);
                out.write(value);
            }
            default -> writeText(out, TEXT, row.getString(position));
        }
    }

    /**
     * Encodes decoded values ({@link #decode}) again; decoding and encoding give back the same bytes, so a row can be
     * rewritten column by column (a snapshot's 個人番号 re-sealed) and still be checked like any other.
     */
    public static byte[] encode(Object[] values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            for (Object value : values) {
                if (value == null) {
                    out.writeByte(NULL);
                } else if (value instanceof Long number) {
                    out.writeByte(INTEGER);
                    out.writeLong(number);
                } else if (value instanceof Double number) {
                    out.writeByte(FLOATING);
                    out.writeLong(Double.doubleToLongBits(number));
                } else if (value instanceof Boolean flag) {
                    out.writeByte(BOOLEAN);
                    out.writeBoolean(flag);
                } else if (value instanceof byte[] binary) {
                    out.writeByte(BYTES);
                    out.writeInt(binary.length);
                    out.write(binary);
                } else if (value instanceof String text) {
                    writeText(out, TEXT, text);
                } else if (value instanceof BigDecimal number) {
                    writeText(out, DECIMAL, number.toPlainString());
                } else if (value instanceof LocalDate date) {
                    writeText(out, DATE, date.toString());
                } else if (value instanceof LocalTime time) {
                    writeText(out, TIME, time.toString());
                } else if (value instanceof LocalDateTime time) {
                    writeText(out, LOCAL_TIMESTAMP, time.toString());
                } else if (value instanceof OffsetDateTime time) {
                    writeText(out, INSTANT, time.toInstant().toString());
                } else {
                    throw new IllegalArgumentException("no encoding for " + value.getClass());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a row into Java values: String, Long, BigDecimal, Double, Boolean, java.time types, byte[]. */
    public static Object[] decode(byte[] row, int columnCount) {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(row));
        Object[] values = new Object[columnCount];
        try {
            for (int index = 0; index < columnCount; index++) {
                byte tag = in.readByte();
                values[index] = switch (tag) {
                    case NULL -> null;
                    case INTEGER -> in.readLong();
                    case FLOATING -> Double.longBitsToDouble(in.readLong());
                    case BOOLEAN -> in.readBoolean();
                    case BYTES -> in.readNBytes(in.readInt());
                    case TEXT -> readText(in);
                    case DECIMAL -> new BigDecimal(readText(in));
                    case DATE -> LocalDate.parse(readText(in));
                    case TIME -> LocalTime.parse(readText(in));
                    case LOCAL_TIMESTAMP -> LocalDateTime.parse(readText(in));
                    case INSTANT -> OffsetDateTime.ofInstant(Instant.parse(readText(in)), ZoneOffset.UTC);
                    default -> throw new IllegalArgumentException("unknown value tag " + tag);
                };
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /** Binds a decoded value to a column of the target table. */
    public static void bind(PreparedStatement statement, int position, Object value, Column target) throws SQLException {
        if (value == null) {
            statement.setNull(position, target.jdbcType());
        } else if (value instanceof String text && kindOf(target) != TEXT) {
            // a type the codec carries as text (uuid, json, interval...): let the database convert it
            statement.setObject(position, text, Types.OTHER);
        } else if (value instanceof Long number && kindOf(target) == INTEGER) {
            statement.setLong(position, number);
        } else {
            statement.setObject(position, value);
        }
    }

    private static byte kindOf(Column column) {
        String typeName = column.typeName();
        return switch (column.jdbcType()) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> FLOATING;
            case Types.BOOLEAN, Types.BIT -> typeName.startsWith("bit") && !typeName.equals("bit") ? TEXT : BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIME -> typeName.contains("tz") || typeName.contains("zone") ? TEXT : TIME;
            case Types.TIMESTAMP -> typeName.contains("tz") || typeName.contains("zone") ? INSTANT : LOCAL_TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> INSTANT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> TEXT;
            default -> OTHER_AS_TEXT;
        };
    }

    /** Types carried as text whose text form the database itself converts back (uuid, json, ...). */
    private static final byte OTHER_AS_TEXT = 'O';

    private static boolean tagNull(DataOutputStream out, ResultSet row) throws SQLException, IOException {
        if (row.wasNull()) {
            out.writeByte(NULL);
            return true;
        }
        return false;
    }

    private static void writeText(DataOutputStream out, byte tag, String value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeByte(tag);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String bigDecimalText(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
