package dev.custodian.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * server-config/monitoring/custodian-alerts.yml through Prometheus's own checker: the rules are valid and their unit
 * tests (custodian-alerts.test.yml) pass. Needs promtool (Debian package prometheus; .ci/run installs it).
 */
class AlertRulesTest {

    private static final Path DIR = Path.of("server-config/monitoring");

    @Test
    void the_alerting_rules_pass_promtool_check_rules() throws Exception {
        assertSucceeds("promtool", "check", "rules", "custodian-alerts.yml");
    }

    @Test
    void each_alert_fires_in_its_situation_and_only_there() throws Exception {
        assertSucceeds("promtool", "test", "rules", "custodian-alerts.test.yml");
    }

    private static void assertSucceeds(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not on the PATH: apt-get install -y prometheus (.ci/run does)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s in %s said:%n%s", String.join(" ", command), DIR, output).isZero();
    }

    @Test
    void the_grafana_board_is_json_with_panels() throws IOException {
        String board = Files.readString(DIR.resolve("custodian-dashboard.json"));
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(board))) {
            assertThat(reader.readObject().getJsonArray("panels")).isNotEmpty();
        }
    }
}
