package dev.custodian.backups;

import java.time.Instant;
import java.util.Objects;

/**
 * One backup file of an environment, as the retention policy sees it. Invariants: the name is not blank and
 * identifies the backup within its environment (its path relative to {@code backups/<environment>/}); the size is
 * zero or more.
 *
 * @param name     path relative to the environment's backup directory, e.g. {@code db-2026-11-03.tar.gz}
 * @param modified when the backup was taken (the file's mtime); decides its day, week and month
 * @param size     bytes, reported as freed when the backup is deleted
 */
public record Backup(String name, Instant modified, long size) {

    public Backup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modified, "modified");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }
}
