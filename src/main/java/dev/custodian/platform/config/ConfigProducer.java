package dev.custodian.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

/** Hands the feature config beans a {@link Settings} over the application's MicroProfile Config. */
@ApplicationScoped
public class ConfigProducer {

    @Produces
    Settings settings() {
        return new Settings(ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader()));
    }
}
