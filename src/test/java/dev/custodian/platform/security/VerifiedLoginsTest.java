package dev.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedLoginsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final VerifiedLogins logins = new VerifiedLogins();

    @Test
    void a_verified_password_is_remembered_until_the_ttl_ends() {
        logins.remember("alice", "secret".toCharArray(), T0);

        assertThat(logins.contains("alice", "secret".toCharArray(), T0.plus(VerifiedLogins.TTL).minusSeconds(1))).isTrue();
        assertThat(logins.contains("alice", "secret".toCharArray(), T0.plus(VerifiedLogins.TTL))).isFalse();
    }

    @Test
    void another_password_or_another_user_is_never_taken_from_the_cache() {
        logins.remember("alice", "secret".toCharArray(), T0);

        assertThat(logins.contains("alice", "secret2".toCharArray(), T0)).isFalse();
        assertThat(logins.contains("bob", "secret".toCharArray(), T0)).isFalse();
    }

    @Test
    void a_new_password_replaces_the_remembered_one() {
        logins.remember("alice", "old".toCharArray(), T0);
        logins.remember("alice", "new".toCharArray(), T0);

        assertThat(logins.contains("alice", "old".toCharArray(), T0)).isFalse();
        assertThat(logins.contains("alice", "new".toCharArray(), T0)).isTrue();
    }
}
