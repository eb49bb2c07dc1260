package dev.custodian.handlers;

import dev.custodian.execution.JobContext;
import dev.custodian.execution.JobHandler;
import dev.custodian.execution.JobOutcome;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code echo}: the result is the payload. Useful for smoke tests and for measuring the job machinery itself. */
@ApplicationScoped
public class EchoHandler implements JobHandler {

    @Override
    public String type() {
        return "echo";
    }

    @Override
    public JobOutcome run(JobContext context) {
        return JobOutcome.of(context.payload());
    }
}
