package dev.custodian.retention.control;

import java.util.List;
import java.util.UUID;

/**
 * What one purge batch deleted: how many jobs, the first of them in keyset order (for the run's sample) and the
 * output files of all of them (deleted after the batch's commit).
 */
public record PurgedBatch(int purged, List<UUID> first, List<String> outputFiles) {

    public PurgedBatch {
        first = List.copyOf(first);
        outputFiles = List.copyOf(outputFiles);
    }
}
