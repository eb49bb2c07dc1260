package dev.custodian.worker.boundary;

import java.util.List;

/** {@code POST /api/jobs/claim}: {@code {workerId, types[], leaseSeconds?}}. */
public record ClaimRequest(String workerId, List<String> types, Integer leaseSeconds) {
}
