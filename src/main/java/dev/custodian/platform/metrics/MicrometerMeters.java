package dev.custodian.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * {@link Meters} on the Micrometer registry that WildFly's micrometer subsystem offers to deployments as a CDI bean
 * (served as Prometheus text by its {@code registry=prometheus}). The only class that calls the Micrometer API: it is
 * used only after {@link #available()} found that API, so the WAR deploys where it is absent (Payara). Names follow
 * the Prometheus text of the MP Metrics side: a counter {@code x} is {@code x_total}, a timer {@code x} is
 * {@code x_seconds_count}/{@code _sum}/{@code _max}.
 */
final class MicrometerMeters implements Meters {

    private static final String API = "io.micrometer.core.instrument.MeterRegistry";

    private final MeterRegistry registry;

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Whether this deployment sees the Micrometer API (WildFly with its micrometer subsystem). */
    static boolean available() {
        return Meters.visible(API);
    }

    /**
     * @param beans an {@code Instance} of the default-qualified beans
     * @return the registry's meters, or {@link Meters#NONE} when the container has no {@code MeterRegistry} bean
     */
    static Meters from(Instance<Object> beans) {
        Instance<MeterRegistry> registries = beans.select(MeterRegistry.class);
        return registries.isResolvable() ? new MicrometerMeters(registries.get()) : NONE;
    }

    @Override
    public void gauge(String name, String description, LongSupplier value, String... tags) {
        // strong reference: Micrometer otherwise holds the supplier weakly and the gauge turns NaN after a GC
        Gauge.builder(name, value, LongSupplier::getAsLong).description(description).tags(tags).strongReference(true)
                .register(registry);
    }

    @Override
    public void count(String name, String description, long amount, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment(amount);
    }

    @Override
    public void time(String name, String description, Duration duration, String... tags) {
        Timer.builder(name).description(description).tags(tags).register(registry).record(duration);
    }
}
