package dev.custodian.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hands the feature config beans a {@link Settings} over the application's MicroProfile Config, with the WAR's own
 * {@code META-INF/microprofile-config.properties} read here as well, so that its defaults hold whichever Config
 * the server handed out (see {@link Settings#Settings(org.eclipse.microprofile.config.Config, Properties)}).
 */
@ApplicationScoped
public class ConfigProducer {

    static final String DEFAULTS = "META-INF/microprofile-config.properties";

    private final Properties shipped = shipped();

    @Produces
    Settings settings() {
        return new Settings(ConfigProvider.getConfig(ConfigProducer.class.getClassLoader()), shipped);
    }

    /** The WAR's {@code META-INF/microprofile-config.properties} (empty when there is none). */
    static Properties shipped() {
        Properties defaults = new Properties();
        try (InputStream in = ConfigProducer.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in != null) {
                defaults.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
        return defaults;
    }
}
