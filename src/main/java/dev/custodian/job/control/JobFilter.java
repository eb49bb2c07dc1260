package dev.custodian.job.control;

import dev.custodian.job.entity.JobStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Which jobs a list or a bulk action is about (SPEC section 5, "Lists"). {@code deleted}: only soft-deleted jobs
 * (admins), else only visible ones. {@code owner} narrows an admin's view; a user always sees only their own.
 */
public record JobFilter(Optional<JobStatus> status, Optional<String> type, Optional<String> owner,
                        Optional<Instant> createdAfter, Optional<Instant> createdBefore, boolean deleted) {

    public static final JobFilter ALL = new JobFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), false);

    public JobFilter {
        if (createdAfter.isPresent() && createdBefore.isPresent() && !createdAfter.get().isBefore(createdBefore.get())) {
            throw new InvalidJobRequestException("createdAfter must be before createdBefore");
        }
    }

    /** What {@code caller} may ask for: owner= and deleted=true are for admins. */
    public JobFilter checkedFor(Caller caller) {
        if (!caller.admin() && owner.isPresent() && !owner.get().equals(caller.name())) {
            throw new ForbiddenJobRequestException("owner= is for admins; a user sees only their own jobs");
        }
        if (!caller.admin() && deleted) {
            throw new ForbiddenJobRequestException("deleted=true is for admins");
        }
        return this;
    }
}
