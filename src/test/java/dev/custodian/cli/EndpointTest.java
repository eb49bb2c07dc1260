package dev.custodian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointTest {

    private static final Map<String, String> ENV = Map.of("CUSTODIAN_USER", "ops", "CUSTODIAN_PASSWORD", "s3cret");

    @Test
    void the_environment_gives_url_user_and_password_and_flags_win() {
        Endpoint fromEnv = Endpoint.resolve(null, null, null, false, ENV);
        assertThat(fromEnv.base()).hasToString("http://localhost:8080");
        assertThat(fromEnv.user()).isEqualTo("ops");
        assertThat(fromEnv.password()).isEqualTo("s3cret");

        Endpoint fromFlags = Endpoint.resolve("https://custodian.example.com/", "alice", null, false, ENV);
        assertThat(fromFlags.base()).hasToString("https://custodian.example.com");
        assertThat(fromFlags.user()).isEqualTo("alice");
        assertThat(fromFlags.toString()).doesNotContain("s3cret");
    }

    @Test
    void a_password_file_gives_its_first_line_without_the_line_end(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\r\nignored\n");

        assertThat(Endpoint.resolve(null, null, file, false, ENV).password()).isEqualTo("from-file");
    }

    @Test
    void plain_http_is_refused_to_other_hosts_unless_insisted_on() {
        assertThatThrownBy(() -> Endpoint.resolve("http://custodian.example.com", null, null, false, ENV))
                .isInstanceOf(CliException.class).hasMessageContaining("--insecure-http")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(2));
        assertThat(Endpoint.resolve("http://custodian.example.com", null, null, true, ENV).base().getHost()).isEqualTo("custodian.example.com");
        assertThat(Endpoint.resolve("http://127.0.0.1:18080", null, null, false, ENV).base().getPort()).isEqualTo(18080);
        assertThat(Endpoint.resolve("http://[::1]:8080", null, null, false, ENV).base().getPort()).isEqualTo(8080);
    }

    @Test
    void a_missing_user_or_password_is_a_usage_error_that_says_how_to_give_it() {
        assertThatThrownBy(() -> Endpoint.resolve(null, null, null, false, Map.of()))
                .hasMessageContaining("CUSTODIAN_USER");
        assertThatThrownBy(() -> Endpoint.resolve(null, "ops", null, false, Map.of()))
                .hasMessageContaining("CUSTODIAN_PASSWORD").hasMessageContaining("--password-file");
        assertThatThrownBy(() -> Endpoint.resolve("ftp://x", "ops", null, false, ENV)).hasMessageContaining("not an http");
    }
}
