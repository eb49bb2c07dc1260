package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** MicroProfile Health: live, ready with the database and the data root, DOWN while the database is unreachable. */
class HealthIT extends OnSharedServer {

    private static Api.Reply ready() {
        return Api.anonymous().get("/health/ready");
    }

    @Test
    void live_and_ready_with_every_check_up() {
        assertThat(Api.anonymous().get("/health/live").status()).isEqualTo(200);
        Api.Reply ready = ready();
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.text()).contains("\"database\"", "\"data-root\"");
        JsonObject body = ready.object();
        assertThat(body.getString("status")).isEqualTo("UP");
    }

    @Test
    @EnabledIfSystemProperty(named = "it.database", matches = "postgres")
    void ready_goes_down_while_the_database_is_unreachable_and_up_again_after() throws Exception {
        try {
            Environment.cutPostgres();
            awaitStatus(503, Duration.ofSeconds(20));
            assertThat(ready().text()).contains("DOWN");
        } finally {
            Environment.restorePostgres();
        }
        awaitStatus(200, Duration.ofSeconds(30));
        assertThat(Api.alice().get("/api/jobs").status()).as("the pool recovered").isEqualTo(200);
    }

    private static void awaitStatus(int status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        while ((last = ready().status()) != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("/health/ready answered " + last + ", not " + status + ", for " + within);
            }
            Thread.sleep(250);
        }
    }
}
