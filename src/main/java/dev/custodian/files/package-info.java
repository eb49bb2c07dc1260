/**
 * File retention under the data root (SPEC section 4): the {@link dev.custodian.files.FilePolicy} read from
 * {@code custodian.files.*}, and {@link dev.custodian.files.FileSweep}, which walks one tree per
 * {@link dev.custodian.files.Sweep} (old files in {@code temp/} then its empty directories, temp-pattern files
 * elsewhere, old logs, unreferenced outputs) with one selection for dry and real runs, counting into a
 * {@link dev.custodian.cleanup.control.TargetTally}. It never follows or deletes a symbolic link, never touches
 * anything outside the real data root, never deletes a protected name, and keeps a file whenever in doubt. The
 * engine is plain {@code java.nio}: whether an output is still referenced is asked through a
 * {@link dev.custodian.files.ReferenceCheck}, so the database stays with the caller.
 */
package dev.custodian.files;
