package dev.custodian.platform.security;

import dev.custodian.platform.config.ValidatedConfig;
import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users defined by MicroProfile Config; there is no built-in user and no default password.
 * <pre>
 * custodian.security.users=alice,ops
 * custodian.security.user.alice.password=pbkdf2:210000:...   (or plain:... for local use)
 * custodian.security.user.alice.roles=user                  (default: user)
 * custodian.security.user.ops.roles=admin
 * </pre>
 * As environment variables: {@code CUSTODIAN_SECURITY_USERS}, {@code CUSTODIAN_SECURITY_USER_ALICE_PASSWORD}, ...
 * Failed logins back off ({@link LoginThrottle}): {@code custodian.security.login.max-failures} (5, per user and
 * client address), {@code .max-failures-per-address} (50) and {@code .max-delay} (5m).
 */
@ApplicationScoped
public class UserDirectory implements ValidatedConfig {

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);
    private static final Set<String> ROLES = Set.of(Roles.ADMIN, Roles.USER, Roles.WORKER);
    private static final int THROTTLE_CAPACITY = 10_000;
    private static final String MAX_DELAY = "custodian.security.login.max-delay";

    /** The 401 detail while no user is configured. */
    static final String NO_USERS = "No users are configured, so no call can be authenticated. Add one with "
            + "custodian.security.users=alice and custodian.security.user.alice.password=pbkdf2:... (environment: "
            + "CUSTODIAN_SECURITY_USERS, CUSTODIAN_SECURITY_USER_ALICE_PASSWORD) and restart.";

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** Compares a password with a stored one: {@link PasswordHash#matches}; a test sees through it what is compared. */
    interface PasswordCheck {
        boolean matches(char[] password, String stored);
    }

    PasswordCheck check = PasswordHash::matches;
    private final VerifiedLogins verified = new VerifiedLogins();
    private LoginThrottle throttle;
    private Map<String, User> users;
    /** Verified for names the directory does not know, so that they cost what a wrong password costs. */
    private String dummyPassword;

    @PostConstruct
    void load() {
        Map<String, User> loaded = new HashMap<>();
        for (String name : settings.list("custodian.security.users")) {
            String passwordKey = "custodian.security.user." + name + ".password";
            String password = settings.optional(passwordKey)
                    .orElseThrow(() -> new InvalidConfigurationException(passwordKey, "", "user " + name + " has no password"));
            if (!PasswordHash.isSupported(password)) {
                throw new InvalidConfigurationException(passwordKey, "***", "expected pbkdf2:<iterations>:<salt>:<hash> or plain:<password>");
            }
            String rolesKey = "custodian.security.user." + name + ".roles";
            List<String> roles = settings.list(rolesKey);
            roles = roles.isEmpty() ? List.of(Roles.USER) : roles;
            for (String role : roles) {
                if (!ROLES.contains(role)) {
                    throw new InvalidConfigurationException(rolesKey, String.join(",", roles), "roles are " + ROLES);
                }
            }
            if (PasswordHash.isPlain(password)) {
                LOG.warn("User {} has a plain-text password; use a pbkdf2 hash outside local use", name);
            }
            loaded.put(name, new User(name, password, Set.copyOf(roles)));
        }
        if (loaded.isEmpty()) {
            LOG.warn("No users are configured (custodian.security.users): every API call will be refused with 401");
        }
        users = Map.copyOf(loaded);
        java.time.Duration maxDelay = settings.duration(MAX_DELAY);
        if (maxDelay.compareTo(LoginThrottle.FIRST_DELAY) < 0) {
            throw new InvalidConfigurationException(MAX_DELAY, maxDelay.toString(), "must be at least 1s");
        }
        throttle = new LoginThrottle(
                settings.intBetween("custodian.security.login.max-failures", 1, 1_000_000),
                settings.intBetween("custodian.security.login.max-failures-per-address", 1, 1_000_000),
                maxDelay, THROTTLE_CAPACITY);
        dummyPassword = PasswordHash.dummyLike(loaded.values().stream().map(User::password).toList());
    }

    public Optional<User> authenticate(String name, char[] password) {
        Instant now = clock.instant();
        if (!users.containsKey(name)) {
            check.matches(password, dummyPassword);
            return Optional.empty();
        }
        return Optional.of(users.get(name)).filter(user -> {
            if (verified.contains(name, password, now)) {
                return true;
            }
            boolean matches = check.matches(password, user.password());
            if (matches) {
                verified.remember(name, password, now);
            }
            return matches;
        });
    }

    /** The back-off after failed logins, configured by {@code custodian.security.login.*}. */
    LoginThrottle throttle() {
        return throttle;
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }

    /** The roles of a configured user, empty for a name the directory does not know. */
    public Optional<Set<String>> roles(String name) {
        return Optional.ofNullable(users.get(name)).map(User::roles);
    }

    public record User(String name, String password, Set<String> roles) {
    }

    @Override
    public void validate() {
        authenticate("", new char[0]);
    }
}
