package dev.custodian.job.boundary;

import dev.custodian.job.control.JobPage;
import dev.custodian.job.control.PageCursor;
import java.util.List;

/** One page of the job list; {@code nextCursor} is absent on the last page. */
public record JobPageView(List<JobView> items, String nextCursor) {

    public static JobPageView of(JobPage page) {
        return new JobPageView(page.items().stream().map(JobView::of).toList(),
                page.next().map(PageCursor::encode).orElse(null));
    }
}
