package dev.custodian.backups;

import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.config.Settings;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backup policy of every environment, from {@code custodian.backups.keep-last}, {@code .keep-daily},
 * {@code .keep-weekly} and {@code .keep-monthly}, each of which an environment may override with
 * {@code custodian.backups.<env>.keep-last} etc. An environment without overrides gets the global policy; a
 * partly overridden one takes the other counts from the global policy. A global key that is not set takes its
 * value from {@link BackupPolicy#DEFAULTS}.
 * <p>
 * Pure: the values come from a lookup function, so this needs no MicroProfile Config. Invariant: the global policy
 * and the policy of every environment found by {@link #from} (dotted names, and environment variables of the
 * candidate environments) are valid, so a bad value stops the deployment; an environment found by neither (e.g. a
 * directory created after startup) is checked each time {@link #policyFor} reads it, and fails there.
 */
public final class BackupPolicies {

    static final String PREFIX = "custodian.backups.";
    private static final List<String> KEEPS = List.of("keep-last", "keep-daily", "keep-weekly", "keep-monthly");
    private static final Pattern OVERRIDE =
            Pattern.compile(Pattern.quote(PREFIX) + "(.+)\\.keep-(?:last|daily|weekly|monthly)");

    private final Function<String, Optional<String>> lookup;
    private final BackupPolicy global;
    private final SortedSet<String> environments;

    private BackupPolicies(Function<String, Optional<String>> lookup, SortedSet<String> environments) {
        this.lookup = lookup;
        this.global = read(PREFIX, BackupPolicy.DEFAULTS);
        this.environments = Collections.unmodifiableSortedSet(environments);
        environments.forEach(this::policyFor);
    }

    /**
     * Reads and validates the global policy and the overrides of every environment that {@code propertyNames}
     * mention.
     *
     * @param lookup        the value of a key, if set (blank counts as not set)
     * @param propertyNames every key the configuration knows, to find per-environment overrides
     * @throws InvalidConfigurationException naming the key of a negative or non-numeric count, or the keys of a
     *                                       policy that would keep nothing
     */
    public static BackupPolicies from(Function<String, Optional<String>> lookup, Iterable<String> propertyNames) {
        return from(lookup, propertyNames, List.of());
    }

    /**
     * As {@link #from(Function, Iterable)}, and also finds the overrides given as environment variables
     * ({@code CUSTODIAN_BACKUPS_PROD_KEEP_LAST}): an environment's name cannot be read back from that form, so it is
     * matched, by MicroProfile Config's rule ({@link Settings#envName}), against {@code candidates} (the directories
     * under {@code backups/}) and the environments named in dotted keys.
     */
    public static BackupPolicies from(Function<String, Optional<String>> lookup, Iterable<String> propertyNames,
                                      Collection<String> candidates) {
        Objects.requireNonNull(lookup, "lookup");
        SortedSet<String> environments = new TreeSet<>();
        Set<String> names = new HashSet<>();
        for (String name : propertyNames) {
            names.add(name);
            Matcher matcher = OVERRIDE.matcher(name);
            if (matcher.matches()) {
                environments.add(matcher.group(1));
            }
        }
        for (String candidate : candidates) {
            if (KEEPS.stream().anyMatch(keep -> names.contains(Settings.envName(PREFIX + candidate + "." + keep)))) {
                environments.add(candidate);
            }
        }
        return new BackupPolicies(lookup, environments);
    }

    /** The policy without per-environment overrides. */
    public BackupPolicy global() {
        return global;
    }

    /** Environments with at least one override among the property names, sorted. */
    public SortedSet<String> overriddenEnvironments() {
        return environments;
    }

    /**
     * The policy of one environment (the name of its directory under {@code backups/}).
     *
     * @throws InvalidConfigurationException when one of its overrides is invalid
     */
    public BackupPolicy policyFor(String environment) {
        if (environment == null || environment.isBlank()) {
            throw new IllegalArgumentException("environment must not be blank");
        }
        return read(PREFIX + environment + ".", global);
    }

    private BackupPolicy read(String prefix, BackupPolicy fallback) {
        int last = count(prefix + "keep-last", fallback.keepLast());
        int daily = count(prefix + "keep-daily", fallback.keepDaily());
        int weekly = count(prefix + "keep-weekly", fallback.keepWeekly());
        int monthly = count(prefix + "keep-monthly", fallback.keepMonthly());
        if (last == 0 && daily == 0 && weekly == 0 && monthly == 0) {
            throw new InvalidConfigurationException(prefix + "keep-*", "0",
                    "keep-last, keep-daily, keep-weekly and keep-monthly are all 0, which would delete every backup;"
                            + " keep at least one");
        }
        return new BackupPolicy(last, daily, weekly, monthly);
    }

    private int count(String key, int fallback) {
        Optional<String> value = lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(key, value.get(), "must be a whole number of backups (0 = off)");
        }
        if (parsed < 0) {
            throw new InvalidConfigurationException(key, value.get(), "must not be negative (0 = off)");
        }
        return parsed;
    }
}
