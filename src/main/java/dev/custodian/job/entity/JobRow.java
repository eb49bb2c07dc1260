package dev.custodian.job.entity;

import java.time.Instant;
import java.util.UUID;

/** A {@code job} row read by plain SQL, its columns by name ({@link Job#pendingRow}). */
public interface JobRow {

    String text(String column);

    int integer(String column);

    long number(String column);

    Instant instant(String column);

    UUID uuid(String column);
}
