package dev.custodian.platform.metrics;

import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link Meters} on the MicroProfile Metrics application registry (Payara). The only class that calls the MP
 * Metrics API: it is used only after {@link #available()} found that API, so the WAR deploys where it is absent.
 */
final class MicroProfileMeters implements Meters {

    private static final String API = "org.eclipse.microprofile.metrics.MetricRegistry";

    private final MetricRegistry registry;

    private MicroProfileMeters(MetricRegistry registry) {
        this.registry = registry;
    }

    /** Whether this server offers the MicroProfile Metrics API to the application. */
    static boolean available() {
        return Meters.visible(API);
    }

    /**
     * @param injected an {@code Instance} injected with the registry's scope as qualifier
     * @return the registry's meters, or {@link Meters#NONE} when the container has no such registry
     */
    static Meters from(Instance<Object> injected) {
        Instance<MetricRegistry> registries = injected.select(MetricRegistry.class);
        return registries.isResolvable() ? new MicroProfileMeters(registries.get()) : NONE;
    }

    @Override
    public void gauge(String name, String description, LongSupplier value, String... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, LongSupplier::getAsLong,
                tags(tags));
    }

    @Override
    public void count(String name, String description, long amount, String... tags) {
        registry.counter(Metadata.builder().withName(name).withDescription(description).build(), tags(tags)).inc(amount);
    }

    @Override
    public void time(String name, String description, Duration duration, String... tags) {
        registry.timer(Metadata.builder().withName(name).withUnit(MetricUnits.NANOSECONDS).withDescription(description).build(),
                tags(tags)).update(duration);
    }

    private static Tag[] tags(String... namesAndValues) {
        Tag[] tags = new Tag[namesAndValues.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        return tags;
    }
}
