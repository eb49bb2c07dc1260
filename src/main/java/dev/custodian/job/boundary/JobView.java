package dev.custodian.job.boundary;

import dev.custodian.job.entity.Job;
import dev.custodian.job.entity.JobStatus;
import dev.custodian.platform.json.JsonText;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.UUID;

/** A job as the API shows it (SPEC section 1); absent values are left out of the JSON. */
public record JobView(UUID id, String type, JobStatus status, JsonValue payload, JsonValue result, String error,
                      int attempts, int maxAttempts, int timeoutSeconds, String owner, String workerId,
                      Instant leaseExpiresAt, Instant createdAt, Instant startedAt, Instant finishedAt,
                      Instant deletedAt, String inputFile, String outputFile, UUID retryOf, Instant purgeAt) {

    public static JobView of(Job job) {
        return of(job, null);
    }

    /** With {@code purgeAt}, when a soft-deleted job will be purged (the deleted list). */
    public static JobView of(Job job, Instant purgeAt) {
        return new JobView(job.id(), job.type(), job.status(), json(job.payload()), json(job.result()), job.error(),
                job.attempts(), job.maxAttempts(), job.timeoutSeconds(), job.owner(), job.workerId(),
                job.leaseExpiresAt(), job.createdAt(), job.startedAt(), job.finishedAt(), job.deletedAt(),
                job.inputFile(), job.outputFile(), job.retryOf(), purgeAt);
    }

    /**
     * By id alone (consistent with the record's equals: equal views have equal ids). JSON-B hashes every object it
     * serialises (its recursion check), and the record's own hash would walk the payload and result documents.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    static JsonValue json(String text) {
        return text == null ? null : JsonText.parse(text);
    }
}
