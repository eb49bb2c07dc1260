package dev.custodian.job.control;

import dev.custodian.job.entity.Job;
import dev.custodian.platform.persistence.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a submission completely before anything is written, then stores the upload (if any) and inserts the
 * job. If the insert fails the stored file is removed again, so bad input leaves nothing behind.
 *
 * <p>Inserts are group-committed ({@link GroupCommit}): the submissions that arrive while one transaction commits
 * go into the next one together, and each request answers once its own job is committed. Alone, a submission is
 * inserted at once; under load a transaction carries several, which share its round trips, its flush and its
 * commit (a commit waits for the disk).
 */
@ApplicationScoped
public class JobSubmission {

    /** At most this many submissions per transaction (Hibernate sends the inserts in JDBC batches of 50). */
    static final int MAX_PER_TRANSACTION = 50;
    /** At most this many submissions wait for a transaction; a request that would be one more waits for room. */
    static final int MAX_WAITING = 256;

    static final int MAX_PAYLOAD_CHARS = 1_000_000;
    static final int MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Inject
    JobService jobs;

    @Inject
    JobFiles files;

    @Inject
    JobConfig config;

    @Inject
    JobTypes types;

    @Resource
    ManagedThreadFactory threads;

    private GroupCommit<JobService.NewJob, Job> inserts;

    @PostConstruct
    void start() {
        inserts = new GroupCommit<>("custodian-submissions", threads, MAX_WAITING, MAX_PER_TRANSACTION,
                jobs::createAll, jobs::create);
    }

    /** Starts the inserting thread at deployment (on the deploying thread), not on the first request. */
    void startAtDeployment(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        // observing is enough: it creates the bean, whose @PostConstruct starts the thread
    }

    @PreDestroy
    void stop() {
        inserts.stop();
    }

    public ValidSubmission validate(SubmitCommand command, boolean withFile) {
        String type = command.type();
        if (type == null || type.isBlank()) {
            throw new InvalidJobRequestException("type is required");
        }
        if (!TYPE.matcher(type).matches() || !types.known(type)) {
            throw new InvalidJobRequestException("unknown job type '" + type + "'; known types: " + String.join(", ", types.all()));
        }
        if (types.requiresInput(type) && !withFile) {
            throw new InvalidJobRequestException("jobs of type '" + type
                    + "' need an input file: submit multipart/form-data with a 'file' part and a 'type' part");
        }
        if (command.payloadJson() != null && command.payloadJson().length() > MAX_PAYLOAD_CHARS) {
            throw new PayloadTooLargeException("payload is larger than " + MAX_PAYLOAD_CHARS + " characters");
        }
        int timeout = within("timeoutSeconds", command.timeoutSeconds(), config.defaultTimeoutSeconds(), MAX_TIMEOUT_SECONDS);
        int attempts = within("maxAttempts", command.maxAttempts(), config.defaultMaxAttempts(), 100);
        return new ValidSubmission(type, command.payloadJson(), timeout, attempts);
    }

    public Job submit(Caller caller, SubmitCommand command) {
        return inserts.record(new JobService.NewJob(caller, UUID.randomUUID(), validate(command, false), null));
    }

    public Job submitWithFile(Caller caller, SubmitCommand command, InputStream content) {
        ValidSubmission valid = validate(command, true);
        UUID id = UUID.randomUUID();
        String input = files.storeInput(id, content, config.uploadMaxSize());
        try {
            return inserts.record(new JobService.NewJob(caller, id, valid, input));
        } catch (RuntimeException e) {
            files.deleteInput(input);
            throw e;
        }
    }

    private static int within(String field, Integer value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > max) {
            throw new InvalidJobRequestException(field + " must be between 1 and " + max + ", was " + value);
        }
        return value;
    }

    /** A submission that passed every check, with defaults filled in. */
    public record ValidSubmission(String type, String payloadJson, int timeoutSeconds, int maxAttempts) {
    }
}
