/**
 * Backup retention (SPEC section 4): which backup files under {@code backups/<environment>/} to keep. It owns the
 * {@link dev.custodian.backups.BackupPolicy} of each environment, read from {@code custodian.backups.*} with
 * per-environment overrides by {@link dev.custodian.backups.BackupPolicies}, and the pure
 * {@link dev.custodian.backups.BackupSelection}, which decides keep or delete for every backup with restic's
 * {@code forget --keep-last/--keep-daily/--keep-weekly/--keep-monthly} semantics and says why each kept one is
 * kept. It does not touch the file system: listing the backups, deleting the ones decided against and counting
 * them into a cleanup report belong to the caller, so that a dry run and a real run share one selection.
 */
package dev.custodian.backups;
