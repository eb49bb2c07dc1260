package dev.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.docs.MarkedBlocks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    /** docs/operations.md's command, as it stands, on the classes this build compiled. */
    @Test
    void the_documented_command_prints_only_a_hash_of_the_password() throws Exception {
        String printed = MarkedBlocks.run(Path.of("docs/operations.md"), "password-hash", Path.of("."));

        assertThat(printed).endsWith("\n").doesNotContain(" ");
        String hash = printed.strip();
        assertThat(hash).startsWith("pbkdf2:210000:").doesNotContain("\n");
        assertThat(PasswordHash.matches("the password".toCharArray(), hash)).isTrue();
    }

    @Test
    void a_pbkdf2_hash_matches_only_its_password() {
        String stored = PasswordHash.hash("s3cret".toCharArray());

        assertThat(stored).startsWith("pbkdf2:210000:");
        assertThat(PasswordHash.isSupported(stored)).isTrue();
        assertThat(PasswordHash.matches("s3cret".toCharArray(), stored)).isTrue();
        assertThat(PasswordHash.matches("s3cret!".toCharArray(), stored)).isFalse();
        assertThat(PasswordHash.hash("s3cret".toCharArray())).isNotEqualTo(stored);
    }

    @Test
    void plain_passwords_are_compared_exactly() {
        assertThat(PasswordHash.matches("pw".toCharArray(), "plain:pw")).isTrue();
        assertThat(PasswordHash.matches("PW".toCharArray(), "plain:pw")).isFalse();
        assertThat(PasswordHash.isPlain("plain:pw")).isTrue();
    }

    @Test
    void unknown_formats_and_empty_passwords_are_not_supported() {
        assertThat(PasswordHash.isSupported("secret")).isFalse();
        assertThat(PasswordHash.isSupported("plain:")).isFalse();
        assertThat(PasswordHash.isSupported("pbkdf2:1:abc")).isFalse();
        assertThat(PasswordHash.isSupported(null)).isFalse();
    }

    @Test
    void the_dummy_for_unknown_users_costs_as_much_as_the_costliest_configured_hash_and_matches_nothing() {
        String dummy = PasswordHash.dummyLike(java.util.List.of("plain:pw", "pbkdf2:1000:c2FsdA==:aGFzaA==",
                PasswordHash.hash("s3cret".toCharArray())));

        assertThat(dummy).startsWith("pbkdf2:210000:");
        assertThat(PasswordHash.isSupported(dummy)).isTrue();
        assertThat(PasswordHash.matches("s3cret".toCharArray(), dummy)).isFalse();
        assertThat(java.util.Base64.getDecoder().decode(dummy.split(":")[3])).hasSize(32);
    }

    @Test
    void the_dummy_is_plain_when_every_configured_password_is_plain() {
        String dummy = PasswordHash.dummyLike(java.util.List.of("plain:pw"));

        assertThat(PasswordHash.isPlain(dummy)).isTrue();
        assertThat(PasswordHash.matches("pw".toCharArray(), dummy)).isFalse();
    }
}
