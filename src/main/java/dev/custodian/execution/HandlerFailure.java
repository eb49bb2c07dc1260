package dev.custodian.execution;

/**
 * What a handler's throwable means for its job: the reason recorded, and whether another attempt may mend it. A
 * {@link PermanentFailure} says no (its message is the reason); so does a {@link VirtualMachineError}, an
 * OutOfMemoryError or StackOverflowError: the same input would exhaust the server again, taking memory or threads
 * from every other job. Anything else is a failed attempt, retried with backoff while attempts remain.
 */
record HandlerFailure(String reason, boolean permanent) {

    static HandlerFailure of(Throwable failure) {
        if (failure instanceof PermanentFailure) {
            return new HandlerFailure(failure.getMessage(), true);
        }
        if (failure instanceof VirtualMachineError) {
            String exhausted = failure instanceof StackOverflowError ? "stack" : "memory";
            return new HandlerFailure(describe(failure) + " (not retried: the job exhausted the server's " + exhausted + ")", true);
        }
        return new HandlerFailure(describe(failure), false);
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
