package dev.custodian.files;

import dev.custodian.platform.config.ValidatedConfig;
import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The {@code custodian.files.*} settings as a {@link FilePolicy}, read and validated once at startup. */
@ApplicationScoped
public class FilesConfig implements ValidatedConfig {

    static final String TEMP_MAX_AGE = "custodian.files.temp-max-age";
    static final String LOG_MAX_AGE = "custodian.files.log-max-age";
    static final String TEMP_PATTERNS = "custodian.files.temp-patterns";
    static final String PROTECTED = "custodian.files.protected";
    static final String ORPHAN_GRACE = "custodian.files.orphan-grace";

    @Inject
    Settings settings;

    private FilePolicy policy;

    @PostConstruct
    void load() {
        policy = new FilePolicy(settings.duration(TEMP_MAX_AGE), settings.duration(LOG_MAX_AGE), globs(TEMP_PATTERNS),
                globs(PROTECTED), settings.duration(ORPHAN_GRACE));
    }

    private List<String> globs(String key) {
        List<String> patterns = settings.list(key);
        try {
            Globs.of(patterns);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(key, settings.optional(key).orElse(""), e.getMessage());
        }
        return patterns;
    }

    public FilePolicy policy() {
        return policy;
    }

    @Override
    public void validate() {
        policy();
    }
}
