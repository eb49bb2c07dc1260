package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** One page; {@code total} when counted (exact up to {@link JobRepository#COUNT_CAP}, a lower bound above). */
public record JobPage(List<Job> items, Optional<PageCursor> next, OptionalLong total) {

    public boolean totalIsEstimate() {
        return total.isPresent() && total.getAsLong() > JobRepository.COUNT_CAP;
    }
}
