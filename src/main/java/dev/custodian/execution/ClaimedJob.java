package dev.custodian.execution;

import dev.custodian.job.entity.Job;
import java.util.UUID;

/** A snapshot of a job this node has just claimed: what the executor needs, detached from the persistence context. */
public record ClaimedJob(UUID id, String type, String payloadJson, int attempt, int timeoutSeconds, String inputFile) {

    static ClaimedJob of(Job job) {
        return new ClaimedJob(job.id(), job.type(), job.payload(), job.attempts(), job.timeoutSeconds(), job.inputFile());
    }
}
