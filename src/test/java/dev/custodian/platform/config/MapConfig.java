package dev.custodian.platform.config;

import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A MicroProfile {@link Config} over a map, for unit tests of configuration parsing. Like MicroProfile Config's
 * source of environment variables, a key not in the map is also looked up in its environment-variable form
 * ({@code custodian.job.timeout} as {@code CUSTODIAN_JOB_TIMEOUT}), and the names are listed as they are.
 */
public record MapConfig(Map<String, String> values) implements Config {

    /**
     * Settings of {@code overrides} over the shipped defaults ({@code META-INF/microprofile-config.properties}), read
     * and applied as the server does ({@link ConfigProducer#shipped()}, {@link Settings}).
     */
    public static Settings shippedWith(Map<String, String> overrides) {
        return new Settings(new MapConfig(overrides), ConfigProducer.shipped());
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow();
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        if (type != String.class) {
            throw new UnsupportedOperationException(type.getName());
        }
        String value = values.containsKey(name) ? values.get(name) : values.get(Settings.envName(name));
        return Optional.ofNullable((T) value);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return java.util.List.of(new ConfigSource() {
            @Override
            public java.util.Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public String getValue(String name) {
                return values.containsKey(name) ? values.get(name) : values.get(Settings.envName(name));
            }

            @Override
            public String getName() {
                return "map";
            }
        });
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
