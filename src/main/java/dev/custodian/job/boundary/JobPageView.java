package dev.custodian.job.boundary;

import dev.custodian.job.control.JobPage;
import dev.custodian.job.control.PageCursor;
import dev.custodian.job.control.PurgeSchedule;
import java.util.List;

/**
 * One page of the job list; {@code nextCursor} is absent on the last page, {@code total} and
 * {@code totalIsEstimate} unless {@code count=true} was asked. Soft-deleted jobs carry {@code purgeAt}.
 */
public record JobPageView(List<JobView> items, String nextCursor, Long total, Boolean totalIsEstimate) {

    public static JobPageView of(JobPage page) {
        return of(page, null);
    }

    public static JobPageView of(JobPage page, PurgeSchedule purges) {
        return new JobPageView(page.items().stream()
                .map(job -> JobView.of(job, job.isDeleted() && purges != null ? purges.purgeAt(job) : null)).toList(),
                page.next().map(PageCursor::encode).orElse(null),
                page.total().isPresent() ? page.total().getAsLong() : null,
                page.total().isPresent() ? page.totalIsEstimate() : null);
    }
}
