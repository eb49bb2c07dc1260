package dev.custodian.it;

import dev.custodian.execution.JobContext;
import dev.custodian.execution.JobHandler;
import dev.custodian.execution.JobOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

/** Test handler {@code flaky}: throws on the first {@code payload.failures} attempts, then succeeds. */
@ApplicationScoped
public class FlakyHandler implements JobHandler {

    @Override
    public String type() {
        return "flaky";
    }

    @Override
    public JobOutcome run(JobContext context) {
        int failures = context.payloadObject().getInt("failures", 1);
        if (context.attempt() <= failures) {
            throw new IllegalStateException("planned failure on attempt " + context.attempt());
        }
        return JobOutcome.of(JsonValue.TRUE);
    }
}
