package dev.custodian.job.control;

import java.util.Optional;

/**
 * A page request of the job list: a filter, an order, a page size, where the previous page ended and whether to
 * count the matches. The soft-deleted list ({@code filter.deleted()}) is always in purge order, oldest deletion first.
 */
public record JobQuery(JobFilter filter, JobSort sort, int limit, Optional<PageCursor> after, boolean count) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public JobQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidJobRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
