package dev.custodian.job.control;

import dev.custodian.execution.HandlerRegistry;
import dev.custodian.execution.JobHandler;
import dev.custodian.job.entity.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a submission completely before anything is written, then stores the upload (if any) and inserts the
 * job. If the insert fails the stored file is removed again, so bad input leaves nothing behind.
 */
@ApplicationScoped
public class JobSubmission {

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
    HandlerRegistry handlers;

    public ValidSubmission validate(SubmitCommand command, boolean withFile) {
        String type = command.type();
        if (type == null || type.isBlank()) {
            throw new InvalidJobRequestException("type is required");
        }
        if (!TYPE.matcher(type).matches() || !isKnown(type)) {
            throw new InvalidJobRequestException("unknown job type '" + type + "'; known types: " + knownTypes());
        }
        Optional<JobHandler> handler = handlers.forType(type);
        if (handler.isPresent() && handler.get().requiresInput() && !withFile) {
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
        return jobs.create(caller, UUID.randomUUID(), validate(command, false), null);
    }

    public Job submitWithFile(Caller caller, SubmitCommand command, InputStream content) {
        ValidSubmission valid = validate(command, true);
        UUID id = UUID.randomUUID();
        String input = files.storeInput(id, content, config.uploadMaxSize());
        try {
            return jobs.create(caller, id, valid, input);
        } catch (RuntimeException e) {
            files.deleteInput(input);
            throw e;
        }
    }

    private boolean isKnown(String type) {
        return handlers.forType(type).isPresent() || config.externalTypes().contains(type);
    }

    private String knownTypes() {
        TreeSet<String> known = new TreeSet<>(handlers.types());
        known.addAll(config.externalTypes());
        return String.join(", ", known);
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
