package dev.custodian.platform.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The platform's meter seam: where features write their measurements, the server's metrics registry or nowhere.
 * An application-scoped bean ({@link MetersProducer}); each feature registers its own gauges at startup and feeds
 * its counters and timers from its own events, so the platform knows no feature. Tags are given as name, value,
 * name, value, ...
 */
public interface Meters {

    /** For a server without a metrics registry this application can use (neither MP Metrics nor Micrometer). */
    Meters NONE = new Meters() {
        @Override
        public void gauge(String name, String description, LongSupplier value, String... tags) {
        }

        @Override
        public void count(String name, String description, long amount, String... tags) {
        }

        @Override
        public void time(String name, String description, Duration duration, String... tags) {
        }
    };

    void gauge(String name, String description, LongSupplier value, String... tags);

    /**
     * Whether the application sees the class {@code api} (a metrics API the server may or may not offer), checked
     * without loading it, so that an implementation calling that API is only touched where it can link.
     */
    static boolean visible(String api) {
        try {
            Class.forName(api, false, Meters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Adds {@code amount} to the counter {@code name} (Prometheus: {@code name_total}, with {@code description} as its
     * HELP). Names carry their base unit ({@code _bytes}, {@code _seconds}), as Prometheus asks.
     */
    void count(String name, String description, long amount, String... tags);

    /** Records one {@code duration} in the timer {@code name} (Prometheus: {@code name_seconds}). */
    void time(String name, String description, Duration duration, String... tags);
}
