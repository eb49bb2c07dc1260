package dev.custodian.job.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void a_cursor_survives_encoding() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-25T10:00:00.123456Z"), UUID.randomUUID());

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("=", "+", "/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "!!!", "MTIz", "MS4yLm5vdC1hLXV1aWQ"})
    void anything_else_is_an_invalid_request(String text) {
        assertThatThrownBy(() -> PageCursor.decode(text)).isInstanceOf(InvalidJobRequestException.class)
                .hasMessageContaining("nextCursor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"})
    void a_crafted_cursor_outside_the_years_a_database_stores_is_an_invalid_request(String instant) {
        String crafted = new PageCursor(Instant.parse(instant), UUID.randomUUID()).encode();

        assertThatThrownBy(() -> PageCursor.decode(crafted)).isInstanceOf(InvalidJobRequestException.class)
                .hasMessageContaining("nextCursor");
    }
}
