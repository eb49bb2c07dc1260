package dev.custodian.backups;

import dev.custodian.platform.config.ValidatedConfig;
import dev.custodian.platform.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The {@code custodian.backups.*} settings as {@link BackupPolicies}, read and validated once at startup. */
@ApplicationScoped
public class BackupsConfig implements ValidatedConfig {

    @Inject
    Settings settings;

    private BackupPolicies policies;
    private boolean compress;

    @PostConstruct
    void load() {
        policies = BackupPolicies.from(settings::optional, settings.names());
        compress = settings.bool("custodian.backups.compress");
    }

    /** {@code custodian.backups.compress}: gzip kept backups older than a day. */
    public boolean compress() {
        return compress;
    }

    public BackupPolicies policies() {
        return policies;
    }

    @Override
    public void validate() {
        policies();
    }
}
