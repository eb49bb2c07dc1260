package dev.custodian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.platform.config.MapConfig;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Constant work for unknown users (issue 14): a name the directory does not know costs a hash comparison as costly
 * as the costliest configured one, so that the time of a 401 does not tell which user names exist. What is compared
 * is seen through the directory's {@link UserDirectory.PasswordCheck}, not timed.
 */
class UserDirectoryTest {

    private static final String ALICE = "pbkdf2:1000:c2FsdHNhbHRzYWx0c2FsdA==:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";
    private static final String OPS = "pbkdf2:2000:b3RoZXJzYWx0b3RoZXJzYQ==:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=";

    private final List<String> compared = new ArrayList<>();
    private UserDirectory directory;

    @BeforeEach
    void load() throws IOException {
        directory = new UserDirectory();
        directory.settings = MapConfig.shippedWith(Map.of("custodian.security.users", "alice,ops",
                "custodian.security.user.alice.password", ALICE, "custodian.security.user.ops.password", OPS,
                "custodian.security.user.ops.roles", "admin"));
        directory.clock = Clock.systemUTC();
        directory.load();
        directory.check = (password, stored) -> {
            compared.add(stored);
            return PasswordHash.matches(password, stored);
        };
    }

    @Test
    void an_unknown_user_costs_one_comparison_with_a_hash_of_the_costliest_configured_iterations() {
        assertThat(directory.authenticate("mallory", "guess".toCharArray())).isEmpty();

        assertThat(compared).hasSize(1);
        assertThat(compared.get(0)).startsWith("pbkdf2:2000:").isNotIn(ALICE, OPS);
    }

    @Test
    void a_known_user_with_a_wrong_password_costs_one_comparison_with_their_own_hash() {
        assertThat(directory.authenticate("alice", "guess".toCharArray())).isEmpty();

        assertThat(compared).containsExactly(ALICE);
    }

    @Test
    void every_unknown_name_is_compared_with_the_same_dummy_so_none_costs_less_than_another() {
        directory.authenticate("mallory", "a".toCharArray());
        directory.authenticate("", new char[0]);
        directory.authenticate("x".repeat(10_000), "b".toCharArray());

        assertThat(compared).hasSize(3).containsOnly(compared.get(0));
    }
}
