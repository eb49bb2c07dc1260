package dev.custodian.cleanup.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PlanCursorTest {

    @Test
    void a_cursor_round_trips_any_item_even_with_newlines_and_non_ascii_names() {
        for (PlanCursor cursor : new PlanCursor[] {new PlanCursor("jobs", "0f4e1c3a-0000-4000-8000-000000000001"),
                new PlanCursor("files", "temp/dir/ü name\nwith newline.bin"), new PlanCursor("backups", "backups/prod/db-1.sql.gz")}) {
            assertThat(PlanCursor.decode(cursor.encode())).isEqualTo(cursor);
            assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
        }
    }

    @Test
    void a_text_this_service_did_not_make_is_a_400() {
        String noTarget = Base64.getUrlEncoder().encodeToString("\nitem".getBytes(StandardCharsets.UTF_8));
        String noItem = Base64.getUrlEncoder().encodeToString("jobs\n".getBytes(StandardCharsets.UTF_8));
        String badTarget = Base64.getUrlEncoder().encodeToString("Jobs; drop\nx".getBytes(StandardCharsets.UTF_8));
        for (String text : new String[] {"nonsense!", "", noTarget, noItem, badTarget, "am9icw"}) {
            assertThatThrownBy(() -> PlanCursor.decode(text)).as(text).isInstanceOf(InvalidCleanupRequestException.class);
        }
    }
}
