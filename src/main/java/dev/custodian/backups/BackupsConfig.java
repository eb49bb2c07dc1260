package dev.custodian.backups;

import dev.custodian.platform.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The {@code custodian.backups.*} settings as {@link BackupPolicies}, read and validated once at startup. */
@ApplicationScoped
public class BackupsConfig {

    @Inject
    Settings settings;

    private BackupPolicies policies;

    @PostConstruct
    void load() {
        policies = BackupPolicies.from(settings::optional, settings.names());
    }

    public BackupPolicies policies() {
        return policies;
    }
}
