package dev.custodian.job.control;

import dev.custodian.job.entity.JobStatus;
import java.util.Optional;

/** A page request of the job list: optional filters, a page size and where the previous page ended. */
public record JobQuery(Optional<JobStatus> status, Optional<String> type, int limit, Optional<PageCursor> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public JobQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidJobRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
