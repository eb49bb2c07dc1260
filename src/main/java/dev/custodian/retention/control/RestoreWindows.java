package dev.custodian.retention.control;

import dev.custodian.job.control.PurgeSchedule;
import dev.custodian.job.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** A soft-deleted job is purged by the first run after its deletion plus the restore window of its type. */
@ApplicationScoped
public class RestoreWindows implements PurgeSchedule {

    @Inject
    RetentionConfig config;

    @Override
    public Instant purgeAt(Job deleted) {
        return deleted.deletedAt().plus(config.policies().forType(deleted.type()).restoreWindow());
    }
}
