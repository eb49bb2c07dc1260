package dev.custodian.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Holds back at most {@link ReferenceCheck#BATCH_SIZE} old outputs, then passes on those no job references. */
final class OrphanBatch implements CandidateSink {

    private final ReferenceCheck references;
    private final CandidateSink next;
    private final List<Candidate> pending = new ArrayList<>();

    OrphanBatch(ReferenceCheck references, CandidateSink next) {
        this.references = references;
        this.next = next;
    }

    @Override
    public void accept(Candidate candidate) {
        pending.add(candidate);
        if (pending.size() == ReferenceCheck.BATCH_SIZE) {
            flush();
        }
    }

    @Override
    public void finish() {
        flush();
        next.finish();
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> referenced = Objects.requireNonNull(
                references.referenced(pending.stream().map(Candidate::name).toList()), "referenced names");
        for (Candidate candidate : pending) {
            if (!referenced.contains(candidate.name())) {
                next.accept(candidate);
            }
        }
        pending.clear();
    }
}
