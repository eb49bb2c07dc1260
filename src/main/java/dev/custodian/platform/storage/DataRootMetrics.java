package dev.custodian.platform.storage;

import dev.custodian.platform.metrics.Meters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;

/**
 * The data root's free space next to the threshold below which readiness is DOWN
 * ({@code custodian.health.min-free-disk}), so that an alert compares the two without repeating the setting.
 */
@ApplicationScoped
public class DataRootMetrics {

    @Inject
    Meters meters;

    @Inject
    DataRoot dataRoot;

    void register(@Observes @Initialized(ApplicationScoped.class) Object context) {
        long minFree = dataRoot.minFreeSpace();
        meters.gauge("custodian_data_root_free_bytes", "Usable bytes on the data root's file system (-1 when unreadable)",
                this::free);
        meters.gauge("custodian_data_root_min_free_bytes",
                "custodian.health.min-free-disk: below this free space /health/ready is DOWN", () -> minFree);
    }

    private long free() {
        try {
            return dataRoot.usableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
