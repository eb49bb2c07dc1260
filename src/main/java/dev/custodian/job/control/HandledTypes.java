package dev.custodian.job.control;

import java.util.Set;

/**
 * The job types this application runs in process, offered by the execution feature (its handler registry), so that
 * job submission checks a type without depending on execution.
 */
public interface HandledTypes {

    /** The types an in-process handler runs. */
    Set<String> types();

    /** Whether jobs of {@code type} need an input file (false for a type without an in-process handler). */
    boolean requiresInput(String type);
}
