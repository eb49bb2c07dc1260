package dev.custodian.platform.config;

import dev.custodian.platform.NodeIdentity;
import dev.custodian.platform.logging.JulFallbackFormat;
import dev.custodian.platform.storage.DataRoot;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every configuration bean ({@link ValidatedConfig}) during deployment, so a bad value fails the deployment
 * with a message naming the key and value instead of surfacing on the first request.
 */
@Singleton
@Startup
public class ConfigValidation {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigValidation.class);

    /** Every feature's configuration bean (and the platform's own, such as the user directory). */
    @Inject
    @Any
    Instance<ValidatedConfig> configs;

    @Inject
    DataRoot dataRoot;

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
            configs.forEach(ValidatedConfig::validate);
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
