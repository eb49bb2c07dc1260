package dev.custodian.backups;

import dev.custodian.platform.config.ValidatedConfig;
import dev.custodian.platform.config.Settings;
import dev.custodian.platform.storage.DataRoot;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The {@code custodian.backups.*} settings as {@link BackupPolicies}, read and validated once at startup. */
@ApplicationScoped
public class BackupsConfig implements ValidatedConfig {

    @Inject
    Settings settings;

    @Inject
    DataRoot dataRoot;

    private BackupPolicies policies;
    private boolean compress;

    @PostConstruct
    void load() {
        load(environmentDirectories());
    }

    /** @param directories the environments under {@code backups/}, whose overrides may be environment variables */
    void load(Collection<String> directories) {
        policies = BackupPolicies.from(settings::optional, settings.names(), directories);
        compress = settings.bool("custodian.backups.compress");
    }

    /** The environments: the directories (not links) under {@code backups/} of the data root. */
    List<String> environmentDirectories() {
        Path backups = dataRoot.root().resolve("backups");
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(backups, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> environments = Files.newDirectoryStream(backups)) {
                for (Path env : environments) {
                    if (Files.isDirectory(env, LinkOption.NOFOLLOW_LINKS)) {
                        names.add(env.getFileName().toString());
                    }
                }
            } catch (IOException e) {
                // the run itself reports an unreadable backups directory as an error of the backups target
            }
        }
        return names;
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
