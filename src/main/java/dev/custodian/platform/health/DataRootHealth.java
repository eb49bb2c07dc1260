package dev.custodian.platform.health;

import dev.custodian.platform.storage.DataRoot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the data root takes a write (a probe file in {@code temp/}, removed at once) and its file
 * system has more than {@code custodian.health.min-free-disk} free.
 */
@Readiness
@ApplicationScoped
public class DataRootHealth implements HealthCheck {

    @Inject
    DataRoot dataRoot;

    /**
     * Read at the first call, not at construction: the health endpoint may call this check while the application is
     * still deploying, and a setting that could not be read then must make one answer DOWN, not fail the bean.
     */
    private volatile long minFree = -1;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("data-root");
        try {
            response.withData("path", dataRoot.root().toString());
            long minFree = minFree();
            response.withData("minFreeBytes", minFree);
            long free = dataRoot.usableSpace();
            response.withData("freeBytes", free);
            Path probe = Files.createTempFile(dataRoot.temp(), ".health-", ".probe");
            Files.delete(probe);
            return response.status(free >= minFree).build();
        } catch (IOException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private long minFree() {
        if (minFree < 0) {
            minFree = dataRoot.minFreeSpace();
        }
        return minFree;
    }
}
