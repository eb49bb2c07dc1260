package dev.custodian.cleanup.control;

import dev.custodian.platform.config.ValidatedConfig;
import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** The {@code custodian.cleanup.*} settings, read and validated once at startup. */
@ApplicationScoped
public class CleanupConfig implements ValidatedConfig {

    @Inject
    Settings settings;

    private Duration interval;
    private boolean runAtStartup;
    private int batchSize;
    private int purgeParallelism;
    private Duration planTtl;

    @PostConstruct
    void load() {
        interval = settings.duration("custodian.cleanup.interval");
        if (interval.isZero()) {
            throw new InvalidConfigurationException("custodian.cleanup.interval", settings.string("custodian.cleanup.interval"),
                    "must be greater than zero");
        }
        runAtStartup = settings.bool("custodian.cleanup.run-at-startup");
        batchSize = settings.intBetween("custodian.cleanup.batch-size", 1, 100_000);
        purgeParallelism = settings.intBetween("custodian.cleanup.purge-parallelism", 1, 8);
        planTtl = settings.duration("custodian.cleanup.plan-ttl");
        if (planTtl.isZero()) {
            throw new InvalidConfigurationException("custodian.cleanup.plan-ttl", settings.string("custodian.cleanup.plan-ttl"),
                    "must be greater than zero");
        }
    }

    public Duration interval() {
        return interval;
    }

    public boolean runAtStartup() {
        return runAtStartup;
    }

    public int batchSize() {
        return batchSize;
    }

    /** How many purge batches may run at once, each its own transaction on its own connection (PostgreSQL). */
    public int purgeParallelism() {
        return purgeParallelism;
    }

    /** How long a dry run's stored plan can be shown and applied; older plans are deleted. */
    public Duration planTtl() {
        return planTtl;
    }

    @Override
    public void validate() {
        interval();
    }
}
