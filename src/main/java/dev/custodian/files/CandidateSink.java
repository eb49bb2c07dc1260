package dev.custodian.files;

/** Where a walk hands the files it selected. */
interface CandidateSink {

    void accept(Candidate candidate);

    /** The walk is over: handle anything held back. */
    default void finish() {
    }
}
