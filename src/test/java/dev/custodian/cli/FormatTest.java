package dev.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void sizes_below_a_kibibyte_are_bytes_and_above_take_binary_units_with_one_decimal() {
        assertThat(Format.bytes(0)).isEqualTo("0 B");
        assertThat(Format.bytes(1023)).isEqualTo("1023 B");
        assertThat(Format.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(Format.bytes(52_428_800)).isEqualTo("50.0 MiB");
        assertThat(Format.bytes(1_288_490_189L)).isEqualTo("1.2 GiB");
        assertThat(Format.bytes(5L * 1024 * 1024 * 1024 * 1024)).isEqualTo("5.0 TiB");
    }

    @Test
    void a_size_that_rounds_up_to_1024_of_a_unit_is_shown_in_the_next_unit() {
        assertThat(Format.bytes(1024 * 1024 - 1)).isEqualTo("1.0 MiB");
    }

    @Test
    void durations_are_humanised_from_milliseconds_to_days() {
        assertThat(Format.millis(41)).isEqualTo("41 ms");
        assertThat(Format.millis(1_234)).isEqualTo("1.2 s");
        assertThat(Format.millis(184_000)).isEqualTo("3 min 4 s");
        assertThat(Format.millis(7_500_000)).isEqualTo("2 h 5 min");
        assertThat(Format.millis(273_600_000)).isEqualTo("3 d 4 h");
    }

    @Test
    void instants_are_shown_in_the_given_zone_to_the_second_and_anything_else_as_it_is() {
        assertThat(Format.instant("2026-03-01T10:15:30.123Z", ZoneOffset.ofHours(1))).isEqualTo("2026-03-01 11:15:30");
        assertThat(Format.instant(null, ZoneOffset.UTC)).isEqualTo("-");
        assertThat(Format.instant("soon", ZoneOffset.UTC)).isEqualTo("soon");
    }
}
