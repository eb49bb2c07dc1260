/**
 * Cleanup runs: every scheduled, startup or requested cleanup is one run with an id, a trigger, a principal,
 * dry or real, and a report per target ({@code jobs}, {@code events}, {@code files}, {@code backups}). The
 * scheduled and the API runs share one code path ({@link dev.custodian.cleanup.control.CleanupService}); a real run
 * is exclusive across the cluster through a lease on a lock row, dry runs may overlap. A target is one small class
 * that plans (dry) and executes (real) with the same selection code.
 */
package dev.custodian.cleanup;
