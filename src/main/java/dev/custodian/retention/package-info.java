/**
 * Database retention, in two stages as in JobRunr: a finished job older than the TTL of its status (or a PENDING
 * job never claimed within {@code pending-ttl}) is soft-deleted, hidden but restorable; a soft-deleted job is
 * purged after the restore window (its row, its events by the database's cascade, then its output file), after
 * an optional archive line. RUNNING jobs are never selected. The policy comes from {@code custodian.retention.*}
 * with per-type overrides and per-run overrides; the targets here ({@code jobs}, {@code events}) run inside a
 * cleanup run and use the same selection for dry and real runs.
 */
package dev.custodian.retention;
