package dev.custodian.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class HandlerFailureTest {

    @Test
    void an_ordinary_exception_is_a_failed_attempt_to_retry() {
        HandlerFailure failed = HandlerFailure.of(new IOException("disk hiccup"));

        assertThat(failed.permanent()).isFalse();
        assertThat(failed.reason()).isEqualTo("IOException: disk hiccup");
    }

    @Test
    void a_permanent_failure_is_not_retried_and_its_message_is_the_reason() {
        HandlerFailure failed = HandlerFailure.of(new PermanentFailure("the CSV has more columns than the limit of 1000"));

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).isEqualTo("the CSV has more columns than the limit of 1000");
    }

    @Test
    void running_out_of_memory_is_not_retried() {
        HandlerFailure failed = HandlerFailure.of(new OutOfMemoryError("Java heap space"));

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).startsWith("OutOfMemoryError: Java heap space").contains("not retried", "memory");
    }

    @Test
    void overflowing_the_stack_is_not_retried() {
        HandlerFailure failed = HandlerFailure.of(new StackOverflowError());

        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).startsWith("StackOverflowError").contains("not retried", "stack");
    }

    @Test
    void an_exception_without_a_message_is_named_by_its_class() {
        assertThat(HandlerFailure.of(new IllegalStateException()).reason()).isEqualTo("IllegalStateException");
    }
}
