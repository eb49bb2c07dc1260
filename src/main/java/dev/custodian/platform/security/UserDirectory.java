package dev.custodian.platform.security;

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
 */
@ApplicationScoped
public class UserDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);
    private static final Set<String> ROLES = Set.of(Roles.ADMIN, Roles.USER, Roles.WORKER);

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    private final VerifiedLogins verified = new VerifiedLogins();
    private Map<String, User> users;

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
    }

    public Optional<User> authenticate(String name, char[] password) {
        Instant now = clock.instant();
        return Optional.ofNullable(users.get(name)).filter(user -> {
            if (verified.contains(name, password, now)) {
                return true;
            }
            boolean matches = PasswordHash.matches(password, user.password());
            if (matches) {
                verified.remember(name, password, now);
            }
            return matches;
        });
    }

    /** The roles of a configured user, empty for a name the directory does not know. */
    public Optional<Set<String>> roles(String name) {
        return Optional.ofNullable(users.get(name)).map(User::roles);
    }

    public record User(String name, String password, Set<String> roles) {
    }
}
