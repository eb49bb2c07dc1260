package dev.custodian.handlers;

import dev.custodian.execution.PermanentFailure;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: commas, double-quoted fields with {@code ""} escapes and embedded line breaks.
 *
 * <p>It holds one record at a time and never more than its limits, whatever the input: at most
 * {@link Limits#columns()} fields per record, {@link Limits#fieldChars()} characters per field and
 * {@link Limits#recordChars()} characters per record. Input over a limit, or malformed, is a
 * {@link PermanentFailure} that names the limit: reading the same file again cannot succeed.
 */
final class CsvReader {

    /** What one record may hold. */
    record Limits(int columns, int fieldChars, int recordChars) {

        /** The limits of {@code csv-summary}: 1,000 columns, 100,000 characters a field, 1,000,000 a record. */
        static final Limits DEFAULT = new Limits(1_000, 100_000, 1_000_000);

        Limits {
            if (columns < 1 || fieldChars < 1 || recordChars < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    private final Reader in;
    private final Limits limits;
    private int pending = -2;
    private long record;

    CsvReader(Reader in) {
        this(in, Limits.DEFAULT);
    }

    CsvReader(Reader in, Limits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** The next record, or {@code null} at the end of input. */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        record++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long recordChars = 0;
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new PermanentFailure("the CSV is malformed: unterminated quoted field in record " + record);
                }
                if (c == '"') {
                    int following = read();
                    if (following == '"') {
                        append(field, '"', ++recordChars);
                    } else {
                        quoted = false;
                        c = following;
                        continue;
                    }
                } else {
                    append(field, (char) c, ++recordChars);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                addField(fields, field);
                field.setLength(0);
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        pending = following;
                    }
                }
                addField(fields, field);
                return fields;
            } else {
                append(field, (char) c, ++recordChars);
            }
            c = read();
        }
    }

    private void append(StringBuilder field, char c, long recordChars) {
        if (field.length() >= limits.fieldChars()) {
            throw new PermanentFailure("the CSV has a field longer than the limit of " + limits.fieldChars()
                    + " characters (record " + record + ")");
        }
        if (recordChars > limits.recordChars()) {
            throw new PermanentFailure("the CSV has a record longer than the limit of " + limits.recordChars()
                    + " characters (record " + record + ")");
        }
        field.append(c);
    }

    private void addField(List<String> fields, StringBuilder field) {
        if (fields.size() >= limits.columns()) {
            throw new PermanentFailure("the CSV has more columns than the limit of " + limits.columns()
                    + " (record " + record + ")");
        }
        fields.add(field.toString());
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }
}
