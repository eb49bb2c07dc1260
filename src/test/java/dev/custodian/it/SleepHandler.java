package dev.custodian.it;

import dev.custodian.execution.JobContext;
import dev.custodian.execution.JobHandler;
import dev.custodian.execution.JobOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;

/** Test handler {@code sleep}: sleeps {@code payload.seconds}, interruptibly. */
@ApplicationScoped
public class SleepHandler implements JobHandler {

    @Override
    public String type() {
        return "sleep";
    }

    @Override
    public JobOutcome run(JobContext context) throws InterruptedException {
        int seconds = context.payloadObject().getInt("seconds", 60);
        Thread.sleep(seconds * 1000L);
        return JobOutcome.of(JsonValue.TRUE);
    }
}
