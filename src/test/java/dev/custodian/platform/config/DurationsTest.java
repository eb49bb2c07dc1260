package dev.custodian.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "90s, PT1M30S", "15m, PT15M", "24h, PT24H", "7d, PT168H", "500ms, PT0.5S", "0, PT0S", "0s, PT0S",
        "' 2h ', PT2H", "PT1H, PT1H", "P7D, PT168H", "pt30m, PT30M", "10M, PT10M"
    })
    void parses_short_and_iso_forms(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-5m", "5", "5x", "h", "1.5h", "PT-1H", "P", "forever", "5 m m"})
    void rejects_what_is_not_a_positive_duration(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 0s", "PT1M30S, 90s", "PT15M, 15m", "PT24H, 1d", "PT3H, 3h", "PT0.25S, 250ms"})
    void formats_with_the_largest_whole_unit(String iso, String text) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999d", "99999999d", "36501d", "876001h", "P36501D", "PT9999999999H"})
    void refuses_durations_longer_than_100_years(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than the maximum of 36500d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"36500d", "876000h", "P36500D"})
    void takes_durations_up_to_100_years(String text) {
        assertThat(Durations.parse(text)).isEqualTo(Durations.MAX);
    }
}
