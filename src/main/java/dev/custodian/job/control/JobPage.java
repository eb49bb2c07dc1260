package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import java.util.List;
import java.util.Optional;

public record JobPage(List<Job> items, Optional<PageCursor> next) {
}
