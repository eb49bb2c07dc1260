package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import java.time.Instant;

/** When a soft-deleted job will be purged; answered by the retention feature, which owns the restore window. */
public interface PurgeSchedule {

    Instant purgeAt(Job deleted);
}
