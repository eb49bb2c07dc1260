package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.List;

/** New jobs persisted as entities, on any database (the embedded H2); Hibernate batches the inserts at flush. */
@ApplicationScoped
@Typed(EntityJobInserts.class)
class EntityJobInserts implements JobInserts {

    @Inject
    JobRepository jobs;

    @Inject
    JobTimeline timeline;

    @Override
    public void insert(List<Job> created, String nodeId) {
        for (Job job : created) {
            jobs.add(job);
            timeline.record(job, job.submitted(nodeId));
        }
    }
}
