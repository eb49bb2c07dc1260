package dev.custodian.job.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.SortedSet;
import java.util.TreeSet;

/** The job types this installation knows: those of the in-process handlers and {@code custodian.job.external-types}. */
@ApplicationScoped
public class JobTypes {

    @Inject
    HandledTypes handled;

    @Inject
    JobConfig config;

    public boolean known(String type) {
        return handled.types().contains(type) || config.externalTypes().contains(type);
    }

    public boolean requiresInput(String type) {
        return handled.requiresInput(type);
    }

    /** Every known type, sorted. */
    public SortedSet<String> all() {
        TreeSet<String> known = new TreeSet<>(handled.types());
        known.addAll(config.externalTypes());
        return known;
    }
}
