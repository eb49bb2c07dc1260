package dev.custodian.execution;

/**
 * Runs jobs of one {@link #type()} inside the server. Implementations are CDI beans ({@code @ApplicationScoped});
 * the first bean for a type wins nothing: two beans for one type stop the deployment.
 *
 * <p>A handler must stop promptly when its thread is interrupted (timeout or cancel): check
 * {@link Thread#isInterrupted()} in loops and let {@link InterruptedException} propagate. A thrown exception
 * is a failed attempt, retried with backoff while attempts remain; a {@link PermanentFailure} (or an
 * OutOfMemoryError or StackOverflowError) fails the job at once. A handler works in bounded memory whatever its
 * input, and its result must fit {@link dev.custodian.job.control.ResultLimit} or the job fails (its output file
 * deleted).
 */
public interface JobHandler {

    String type();

    /** Whether a job of this type needs an uploaded input file (multipart submission). */
    default boolean requiresInput() {
        return false;
    }

    JobOutcome run(JobContext context) throws Exception;
}
