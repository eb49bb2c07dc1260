package dev.custodian.platform.health;

import dev.custodian.platform.config.Settings;
import dev.custodian.platform.storage.DataRoot;
import jakarta.annotation.PostConstruct;
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

    @Inject
    Settings settings;

    private long minFree;

    @PostConstruct
    void init() {
        minFree = settings.size("custodian.health.min-free-disk");
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("data-root").withData("path", dataRoot.root().toString())
                .withData("minFreeBytes", minFree);
        try {
            long free = Files.getFileStore(dataRoot.root()).getUsableSpace();
            response.withData("freeBytes", free);
            Path probe = Files.createTempFile(dataRoot.temp(), ".health-", ".probe");
            Files.delete(probe);
            return response.status(free >= minFree).build();
        } catch (IOException | RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
