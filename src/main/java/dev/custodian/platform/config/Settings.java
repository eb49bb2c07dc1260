package dev.custodian.platform.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Typed, validated reads of MicroProfile Config values. Every read names its key, so a bad value stops the
 * deployment with a message such as {@code Invalid configuration custodian.job.timeout=-5m: ...}.
 * Defaults live in {@code META-INF/microprofile-config.properties}, not here.
 */
public final class Settings {

    private final Config config;
    private final Properties shipped;

    /** Over {@code config} alone. */
    public Settings(Config config) {
        this(config, new Properties());
    }

    /**
     * Over {@code config}, with {@code shipped} (the WAR's {@code META-INF/microprofile-config.properties}) answering
     * for a key that no source of {@code config} holds: Payara Micro builds an application's Config lazily, and two
     * threads that ask for it at once during deployment can leave one without the WAR's properties file (its
     * {@code ConfigProviderResolverImpl} publishes the file's list before filling it), so that a default went missing
     * now and then and the deployment failed. A key set anywhere, even to an empty value, is the configuration's.
     */
    public Settings(Config config, Properties shipped) {
        this.config = config;
        this.shipped = shipped;
    }

    /** Every configured key starting with {@code prefix} (for families such as per-type overrides). */
    public java.util.SortedSet<String> keysStartingWith(String prefix) {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        for (String name : names()) {
            if (name.startsWith(prefix)) {
                keys.add(name);
            }
        }
        return keys;
    }

    /**
     * MicroProfile Config's environment-variable form of {@code key}: every character other than an ASCII letter or
     * digit replaced by {@code _}, upper case ({@code custodian.retention.type.gzip.completed-ttl} is
     * {@code CUSTODIAN_RETENTION_TYPE_GZIP_COMPLETED_TTL}).
     */
    public static String envName(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            name.append(alphanumeric ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    /**
     * Those of {@code keys} that the configuration lists under their environment-variable form ({@link #envName}).
     * A source of environment variables lists its names as they are, so a key with a name of the user's choosing in
     * it is not found by listing dotted names; its value is still found by the dotted key.
     */
    public java.util.Set<String> listedAsEnvironmentVariables(java.util.Collection<String> keys) {
        java.util.Set<String> names = new java.util.HashSet<>();
        config.getPropertyNames().forEach(names::add);
        java.util.Set<String> listed = new java.util.TreeSet<>();
        for (String key : keys) {
            if (names.contains(envName(key))) {
                listed.add(key);
            }
        }
        return listed;
    }

    /** Every key the configuration knows, e.g. to find overrides such as {@code custodian.backups.prod.keep-last}. */
    public Iterable<String> names() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        config.getPropertyNames().forEach(names::add);
        names.addAll(shipped.stringPropertyNames());
        return names;
    }

    public Optional<String> optional(String key) {
        Optional<String> value = config.getOptionalValue(key, String.class);
        if (value.isEmpty() && !setAnywhere(key)) {
            value = Optional.ofNullable(shipped.getProperty(key));
        }
        return value.map(String::trim).filter(s -> !s.isEmpty());
    }

    private boolean setAnywhere(String key) {
        for (ConfigSource source : config.getConfigSources()) {
            if (source.getValue(key) != null) {
                return true;
            }
        }
        return false;
    }

    public String string(String key) {
        return optional(key).orElseThrow(() -> new InvalidConfigurationException(key, "", "a value is required"));
    }

    public Duration duration(String key) {
        return parse(key, string(key), Durations::parse);
    }

    public long size(String key) {
        long bytes = parse(key, string(key), DataSizes::parse);
        if (bytes <= 0) {
            throw new InvalidConfigurationException(key, string(key), "must be greater than zero");
        }
        return bytes;
    }

    public int intBetween(String key, int min, int max) {
        String value = string(key);
        int parsed = parse(key, value, Integer::parseInt);
        if (parsed < min || parsed > max) {
            throw new InvalidConfigurationException(key, value, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    public boolean bool(String key) {
        String value = string(key);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new InvalidConfigurationException(key, value, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    public List<String> list(String key) {
        return optional(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new InvalidConfigurationException(key, value, e.getMessage());
        }
    }
}
