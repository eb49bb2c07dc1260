package dev.custodian.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlotsTest {

    private final Slots slots = new Slots();

    @Test
    void a_take_gets_every_free_slot_under_the_limit_of_the_moment() throws Exception {
        assertThat(slots.takeFree(4)).isEqualTo(4);
        slots.giveBack(1);

        assertThat(slots.takeFree(6)).as("the limit grew by two, and one came back").isEqualTo(3);
        assertThat(slots.held()).isEqualTo(6);
    }

    @Test
    void more_slots_are_taken_only_under_the_limit_and_not_after_the_wait() throws Exception {
        slots.takeFree(3);
        slots.giveBack(2);

        assertThat(slots.takeMore(3, 5, 0)).as("two free, no wait").isEqualTo(2);
        assertThat(slots.takeMore(3, 1, 0)).isZero();
    }

    @Test
    void the_typical_run_time_is_unknown_until_a_handler_returned_then_follows_the_runs() throws Exception {
        assertThat(slots.typicalRunNanos()).isNegative();
        slots.takeFree(2);

        slots.returned(800);
        assertThat(slots.typicalRunNanos()).isEqualTo(800);
        slots.returned(0);

        assertThat(slots.typicalRunNanos()).isEqualTo(700);
        assertThat(slots.held()).isZero();
    }
}
