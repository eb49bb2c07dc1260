package dev.custodian.job.control;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobEvent;
import dev.custodian.job.entity.JobEventType;
import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.logging.LogContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each transition's {@code job_event} row in the transaction that made it, logs it as one structured
 * line, and announces it as a {@link JobChanged} once the transaction committed, with the transaction's other
 * transitions in one {@link JobChanges} CDI event.
 */
@ApplicationScoped
public class JobTimeline {

    private static final Logger LOG = LoggerFactory.getLogger(JobTimeline.class);

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<JobChanges> committed;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void record(Job job, JobEvent event) {
        em.persist(event);
        announce(job, event);
    }

    /** Logs and announces {@code job}'s transition {@code event}, whose row a statement already wrote. */
    public void announce(Job job, JobEvent event) {
        JobChanged change = event.fromStatus() == JobStatus.RUNNING
                ? JobChanged.attemptEnded(job.id(), job.type(), event.type(), job.status(), job.inputFile(), job.startedAt(), event.at())
                : new JobChanged(job.id(), job.type(), event.type(), job.status(), job.inputFile(), null);
        announce(change, job.attempts(), event.message());
    }

    /** The same, for a transition a statement wrote without reading the job back: what it changed, and its detail. */
    public void announce(JobChanged change, int attempt, String detail) {
        boolean routine = change.event() == JobEventType.SUBMITTED || change.event() == JobEventType.STARTED;
        if (routine ? LOG.isDebugEnabled() : LOG.isInfoEnabled()) {
            // jobId is context (MDC), as on the executor's threads, so that it is never printed twice
            String line = "Job {} {} {} {} {}";
            Object[] args = {kv("event", change.event()), kv("status", change.status()), kv("type", change.type()),
                    kv("attempt", attempt), kv("detail", detail)};
            LogContext.with("jobId", change.jobId(), () -> {
                if (routine) {
                    LOG.debug(line, args);
                } else {
                    LOG.info(line, args);
                }
            });
        }
        afterCommit(change);
    }

    /** Adds {@code change} to what the current transaction announces once it committed ({@link JobChanges}). */
    @SuppressWarnings("unchecked")
    private void afterCommit(JobChanged change) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            announceCommitted(List.of(change));
            return;
        }
        List<JobChanged> pending = (List<JobChanged>) transactions.getResource(JobChanges.class);
        if (pending == null) {
            List<JobChanged> recorded = new ArrayList<>();
            transactions.putResource(JobChanges.class, recorded);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        announceCommitted(recorded);
                    }
                }
            });
            pending = recorded;
        }
        pending.add(change);
    }

    /** Observers run on the committing thread; what one throws is logged, the commit stands. */
    private void announceCommitted(List<JobChanged> changes) {
        try {
            committed.fire(new JobChanges(changes));
        } catch (RuntimeException e) {
            LOG.error("An observer of committed job changes failed: {}", e.toString(), e);
        }
    }

    public List<JobEvent> of(UUID jobId) {
        return em.createQuery("select e from JobEvent e where e.jobId = :id order by e.at, e.id", JobEvent.class)
                .setParameter("id", jobId)
                .getResultList();
    }
}
