package dev.custodian.job.control;

import dev.custodian.platform.config.ValidatedConfig;
import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The {@code custodian.job.*} and {@code custodian.upload.*} settings, read and validated once at startup. */
@ApplicationScoped
public class JobConfig implements ValidatedConfig {

    @Inject
    Settings settings;

    private Duration defaultTimeout;
    private int defaultMaxAttempts;
    private int concurrency;
    private Duration lease;
    private Duration pollInterval;
    private Duration stuckCheckInterval;
    private Duration shutdownGrace;
    private RetryPolicy retryPolicy;
    private Set<String> externalTypes;
    private long uploadMaxSize;

    @PostConstruct
    void load() {
        defaultTimeout = positive("custodian.job.timeout");
        if (defaultTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw new InvalidConfigurationException("custodian.job.timeout", settings.string("custodian.job.timeout"), "is too long");
        }
        defaultMaxAttempts = settings.intBetween("custodian.job.max-attempts", 1, 100);
        concurrency = settings.intBetween("custodian.job.concurrency", 1, 1024);
        lease = positive("custodian.job.lease");
        pollInterval = positive("custodian.job.poll-interval");
        stuckCheckInterval = positive("custodian.stuck.check-interval");
        shutdownGrace = settings.duration("custodian.shutdown.grace");
        retryPolicy = new RetryPolicy(positive("custodian.job.retry.initial-delay"), positive("custodian.job.retry.max-delay"));
        externalTypes = Set.copyOf(settings.list("custodian.job.external-types"));
        uploadMaxSize = settings.size("custodian.upload.max-size");
    }

    private Duration positive(String key) {
        Duration value = settings.duration(key);
        if (value.isZero()) {
            throw new InvalidConfigurationException(key, settings.string(key), "must be greater than zero");
        }
        return value;
    }

    public int defaultTimeoutSeconds() {
        return (int) Math.max(1, defaultTimeout.toSeconds());
    }

    public int defaultMaxAttempts() {
        return defaultMaxAttempts;
    }

    public int concurrency() {
        return concurrency;
    }

    public Duration lease() {
        return lease;
    }

    public Duration stuckCheckInterval() {
        return stuckCheckInterval;
    }

    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Set<String> externalTypes() {
        return externalTypes;
    }

    public List<String> externalTypeList() {
        return externalTypes.stream().sorted().toList();
    }

    public long uploadMaxSize() {
        return uploadMaxSize;
    }

    @Override
    public void validate() {
        concurrency();
    }
}
