package dev.custodian.worker.control;

import dev.custodian.job.control.InvalidJobRequestException;
import dev.custodian.job.control.JobConfig;
import dev.custodian.job.control.JobMetrics;
import dev.custodian.job.control.PayloadTooLargeException;
import dev.custodian.job.control.ResultLimit;
import dev.custodian.job.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The worker API's rules: who may claim what, for how long, and what a call from a worker that lost its lease
 * gets (a {@link LeaseLostException}, nothing changed).
 */
@ApplicationScoped
public class WorkerService {

    static final int MAX_LEASE_SECONDS = 3600;
    private static final int CLAIM_TRIES = 5;

    @Inject
    Leases leases;

    @Inject
    JobConfig config;

    @Inject
    JobMetrics metrics;

    /**
     * Claims the oldest eligible job of {@code types} for {@code workerId}. Two claimers never get the same job:
     * rows locked by another claimer are skipped, and where the database cannot skip, the loser of the race sees
     * a version conflict and simply tries again.
     */
    public Optional<Job> claim(String workerId, List<String> types, Integer leaseSeconds) {
        return claim(workerId, types, leaseSeconds, 1).stream().findFirst();
    }

    /** Claims up to {@code max} of the oldest eligible jobs, oldest first, in one transaction (same rules as one). */
    public List<Job> claim(String workerId, List<String> types, Integer leaseSeconds, int max) {
        String worker = workerId(workerId);
        if (types == null || types.isEmpty()) {
            throw new InvalidJobRequestException("types must name at least one job type served by external workers: "
                    + config.externalTypeList());
        }
        for (String type : types) {
            if (!config.externalTypes().contains(type)) {
                throw new InvalidJobRequestException("type '" + type + "' is not served by external workers; "
                        + "custodian.job.external-types lists " + config.externalTypeList());
            }
        }
        Duration lease = lease(leaseSeconds);
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                List<Job> claimed = leases.claim(worker, types, max, lease);
                metrics.claimed(Duration.ofNanos(System.nanoTime() - start), "worker");
                return claimed;
            } catch (RuntimeException e) {
                if (attempt >= CLAIM_TRIES || !isLockConflict(e)) {
                    throw e;
                }
            }
        }
    }

    public Job heartbeat(UUID id, String workerId, Integer leaseSeconds) {
        String worker = workerId(workerId);
        return leases.heartbeat(id, worker, lease(leaseSeconds)).orElseThrow(() -> new LeaseLostException(id, worker));
    }

    public Job complete(UUID id, String workerId, String resultJson) {
        String worker = workerId(workerId);
        ResultLimit.check(resultJson);
        return leases.complete(id, worker, resultJson, null).orElseThrow(() -> new LeaseLostException(id, worker));
    }

    public Job fail(UUID id, String workerId, String error, Boolean retry) {
        String worker = workerId(workerId);
        String reason = error == null || error.isBlank() ? "failed by worker " + worker : error;
        return leases.fail(id, worker, reason, retry == null || retry).orElseThrow(() -> new LeaseLostException(id, worker));
    }

    /**
     * Records many outcomes at once (SPEC: completions): every result is checked against {@link ResultLimit} before
     * anything changes; a job no longer held answers {@code LEASE_LOST} instead of failing the call.
     */
    public Map<UUID, String> finish(String workerId, Map<UUID, Outcome> outcomes) {
        String worker = workerId(workerId);
        outcomes.forEach((id, outcome) -> {
            try {
                ResultLimit.check(outcome.resultJson());
            } catch (PayloadTooLargeException e) {
                throw new PayloadTooLargeException("job " + id + ": " + e.getMessage());
            }
        });
        Map<UUID, Outcome> named = new LinkedHashMap<>();
        outcomes.forEach((id, outcome) -> named.put(id, outcome.isFailure() && outcome.error().isBlank()
                ? Outcome.failed("failed by worker " + worker, outcome.retry()) : outcome));
        return leases.finishAll(worker, named);
    }

    private static String workerId(String workerId) {
        if (workerId == null || workerId.isBlank() || workerId.length() > 200) {
            throw new InvalidJobRequestException("workerId is required (1 to 200 characters)");
        }
        return workerId.trim();
    }

    private Duration lease(Integer leaseSeconds) {
        if (leaseSeconds == null) {
            return config.lease();
        }
        if (leaseSeconds < 1 || leaseSeconds > MAX_LEASE_SECONDS) {
            throw new InvalidJobRequestException("leaseSeconds must be between 1 and " + MAX_LEASE_SECONDS);
        }
        return Duration.ofSeconds(leaseSeconds);
    }

    private static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof PessimisticLockException
                    || t.getClass().getName().contains("StaleObjectState") || t.getClass().getName().contains("LockTimeout")
                    || t.getClass().getName().contains("LockAcquisition")) {
                return true;
            }
        }
        return false;
    }
}
