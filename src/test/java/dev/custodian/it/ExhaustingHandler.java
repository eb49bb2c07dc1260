package dev.custodian.it;

import dev.custodian.execution.JobContext;
import dev.custodian.execution.JobHandler;
import dev.custodian.execution.JobOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Test handler {@code exhaust}: a handler gone wrong. {@code payload.what} {@code "stack"} recurses until a real
 * StackOverflowError; {@code "heap"} allocates until a real OutOfMemoryError (what it held is garbage once it threw).
 */
@ApplicationScoped
public class ExhaustingHandler implements JobHandler {

    @Override
    public String type() {
        return "exhaust";
    }

    @Override
    public JobOutcome run(JobContext context) {
        if ("heap".equals(context.payloadObject().getString("what", "stack"))) {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }
        return JobOutcome.of(jakarta.json.Json.createValue(depth(0)));
    }

    private static int depth(int n) {
        return depth(n + 1) + 1;
    }
}
