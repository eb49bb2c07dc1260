package dev.custodian.backups;

import java.util.List;
import java.util.Objects;

/**
 * What the retention policy decided for one backup, and why. Invariant: a backup is kept exactly when there is at
 * least one reason, such as {@code "last"}, {@code "daily 2026-11-03"}, {@code "weekly 2026-W45"},
 * {@code "monthly 2026-10"} or {@code "oldest daily 2026-10-01"}; a deleted backup has none.
 */
public record BackupDecision(Backup backup, Verdict verdict, List<String> reasons) {

    public enum Verdict {
        KEEP, DELETE
    }

    public BackupDecision {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        if ((verdict == Verdict.KEEP) == reasons.isEmpty()) {
            throw new IllegalArgumentException(verdict + " of " + backup.name() + " with reasons " + reasons);
        }
    }

    /** Keeps the backup when some rule gave a reason, else deletes it. */
    static BackupDecision of(Backup backup, List<String> reasons) {
        return new BackupDecision(backup, reasons.isEmpty() ? Verdict.DELETE : Verdict.KEEP, reasons);
    }

    public boolean kept() {
        return verdict == Verdict.KEEP;
    }
}
