package dev.custodian.retention.control;

import java.util.List;
import java.util.Optional;

/**
 * What one batch of a dry run wrote into its plan in one statement ({@link RetentionRepository#recordPage}): how many
 * jobs, the first of them in keyset order (for the run's sample), the last (the cursor of the next batch; empty when
 * the batch was empty) and those with an output file (whose sizes the server reads).
 */
public record RecordedBatch(int recorded, List<Candidate> first, Optional<Candidate> last, List<Candidate> withOutput) {

    public RecordedBatch {
        first = List.copyOf(first);
        withOutput = List.copyOf(withOutput);
    }
}
