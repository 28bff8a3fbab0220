package dk.samspil.servicedata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;

/**
 * Rows for PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}), written straight as bytes
 * without building strings: a national file is a million rows, and the server reads binary values without parsing
 * dates and numbers. {@link #header} once, then per row {@link #row}, the values in the table's column order and
 * {@link #end}; {@link #trailer} after the last row. Text values are checked codes of ASCII digits and letters.
 */
final class CopyRow {

    private static final byte[] HEADER = {
        'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    /** 2000-01-01, PostgreSQL's day 0, as days since 1970-01-01. */
    private static final long POSTGRES_EPOCH_DAY = 10_957;

    private final byte[] bytes = new byte[512];
    private int length;

    /** The file header; call once before the first row. */
    static void header(OutputStream copy) {
        write(copy, HEADER, HEADER.length);
    }

    /** The end-of-data mark; call once after the last row. */
    static void trailer(OutputStream copy) {
        write(copy, new byte[] {(byte) 0xFF, (byte) 0xFF}, 2);
    }

    /** Starts a row of this many values. */
    CopyRow row(int values) {
        length = 0;
        return int16(values);
    }

    /** A checked code: ASCII digits and letters only. */
    CopyRow code(String value) {
        int32(value.length());
        for (int i = 0; i < value.length(); i++) {
            bytes[length++] = (byte) value.charAt(i);
        }
        return this;
    }

    /** A {@code date}: the first day of the month. */
    CopyRow month(YearMonth month) {
        int32(4);
        return int32((int) (month.atDay(1).toEpochDay() - POSTGRES_EPOCH_DAY));
    }

    /** An {@code int}. */
    CopyRow int4(int value) {
        int32(4);
        return int32(value);
    }

    /** A {@code bigint}. */
    CopyRow int8(long value) {
        int32(8);
        int32((int) (value >>> 32));
        return int32((int) value);
    }

    /** Ends the row and writes it. */
    void end(OutputStream copy) {
        write(copy, bytes, length);
        length = 0;
    }

    private CopyRow int16(int value) {
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    private CopyRow int32(int value) {
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    private static void write(OutputStream copy, byte[] bytes, int length) {
        try {
            copy.write(bytes, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
