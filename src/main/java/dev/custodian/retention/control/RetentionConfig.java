package dev.custodian.retention.control;

import dev.custodian.job.control.JobTypes;
import dev.custodian.platform.config.InvalidConfigurationException;
import dev.custodian.platform.config.Settings;
import dev.custodian.platform.config.ValidatedConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code custodian.retention.*} settings, read and validated once at startup. */
@ApplicationScoped
public class RetentionConfig implements ValidatedConfig {

    static final String PREFIX = "custodian.retention.";
    private static final List<String> TYPE_SETTINGS = List.of("completed-ttl", "failed-ttl", "cancelled-ttl", "pending-ttl", "restore-window");
    private static final Pattern TYPE_KEY = Pattern.compile("custodian\\.retention\\.type\\.(.+)\\.([a-z-]+)");

    @Inject
    Settings settings;

    @Inject
    JobTypes jobTypes;

    private RetentionPolicies policies;
    private Duration eventTtl;
    private Optional<Path> archiveDir;

    @PostConstruct
    void load() {
        load(jobTypes.all());
    }

    /** @param knownTypes the job types whose overrides may be given as environment variables */
    void load(Collection<String> knownTypes) {
        RetentionPolicy defaults = new RetentionPolicy(duration("completed-ttl"), duration("failed-ttl"),
                duration("cancelled-ttl"), duration("pending-ttl"), duration("restore-window"));
        Map<String, RetentionPolicy.Override> types = new HashMap<>();
        for (String key : typeKeys(knownTypes)) {
            Matcher m = TYPE_KEY.matcher(key);
            if (!m.matches()) {
                throw new InvalidConfigurationException(key, settings.optional(key).orElse(""),
                        "expected custodian.retention.type.<type>.<completed-ttl|failed-ttl|cancelled-ttl|pending-ttl|restore-window>");
            }
            RetentionPolicy.Override one = override(m.group(2), key);
            types.merge(m.group(1), one, RetentionPolicy.Override::then);
        }
        policies = new RetentionPolicies(defaults, types);
        eventTtl = duration("event-ttl");
        archiveDir = settings.optional(PREFIX + "archive-dir").map(d -> Paths.get(d).toAbsolutePath().normalize());
    }

    /**
     * The per-type keys: those listed under their dotted names, and those of a known type listed as environment
     * variables ({@code CUSTODIAN_RETENTION_TYPE_GZIP_COMPLETED_TTL} is found as the gzip type's
     * {@code completed-ttl}; a type's name cannot be read back from its environment form, so it is matched against
     * the known ones).
     */
    private SortedSet<String> typeKeys(Collection<String> knownTypes) {
        SortedSet<String> keys = settings.keysStartingWith(PREFIX + "type.");
        List<String> candidates = new ArrayList<>();
        for (String type : knownTypes) {
            TYPE_SETTINGS.forEach(setting -> candidates.add(PREFIX + "type." + type + "." + setting));
        }
        keys.addAll(settings.listedAsEnvironmentVariables(candidates));
        return keys;
    }

    private RetentionPolicy.Override override(String name, String key) {
        Duration d = notNegative(key);
        return switch (name) {
            case "completed-ttl" -> new RetentionPolicy.Override(d, null, null, null, null);
            case "failed-ttl" -> new RetentionPolicy.Override(null, d, null, null, null);
            case "cancelled-ttl" -> new RetentionPolicy.Override(null, null, d, null, null);
            case "pending-ttl" -> new RetentionPolicy.Override(null, null, null, d, null);
            case "restore-window" -> new RetentionPolicy.Override(null, null, null, null, d);
            default -> throw new InvalidConfigurationException(key, settings.string(key),
                    "unknown retention setting '" + name + "'");
        };
    }

    private Duration duration(String name) {
        return notNegative(PREFIX + name);
    }

    private Duration notNegative(String key) {
        Duration d = settings.duration(key);
        if (d.isNegative()) {
            throw new InvalidConfigurationException(key, settings.string(key), "must not be negative");
        }
        return d;
    }

    public RetentionPolicies policies() {
        return policies;
    }

    public Duration eventTtl() {
        return eventTtl;
    }

    public Optional<Path> archiveDir() {
        return archiveDir;
    }

    @Override
    public void validate() {
        policies();
    }
}
