package dev.custodian.platform.config;

import dev.custodian.job.control.JobConfig;
import dev.custodian.platform.NodeIdentity;
import dev.custodian.platform.logging.JulFallbackFormat;
import dev.custodian.platform.security.UserDirectory;
import dev.custodian.platform.storage.DataRoot;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every feature's configuration during deployment, so a bad value fails the deployment with a message
 * naming the key and value instead of surfacing on the first request.
 */
@Singleton
@Startup
public class ConfigValidation {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigValidation.class);

    @Inject
    JobConfig jobs;

    @Inject
    DataRoot dataRoot;

    @Inject
    dev.custodian.retention.control.RetentionConfig retention;

    @Inject
    dev.custodian.cleanup.control.CleanupConfig cleanup;

    @Inject
    dev.custodian.files.FilesConfig files;

    @Inject
    dev.custodian.backups.BackupsConfig backups;

    @Inject
    UserDirectory users;

    @Inject
    NodeIdentity node;

    @Inject
    Settings settings;

    @PostConstruct
    void validate() {
        try {
            ch.qos.logback.classic.LoggerContext context =
                    (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            context.putProperty("nodeId", node.id());
            JulFallbackFormat.apply();
            jobs.concurrency();
            retention.policies();
            cleanup.interval();
            files.policy();
            backups.policies();
            users.authenticate("", new char[0]);
            settings.size("custodian.api.max-json-size");
            LOG.info("Custodian configured: data root {}, node {}", dataRoot.root(), node.id());
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InvalidConfigurationException invalid) {
                    LOG.error(invalid.getMessage());
                    throw invalid;
                }
            }
            throw e;
        }
    }
}
