package dev.custodian.platform.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the {@link Meters} of this server once: the MicroProfile Metrics application registry where the server has
 * one (Payara), else the Micrometer registry where the server offers one as a CDI bean (WildFly's micrometer
 * subsystem), else {@link Meters#NONE}, so every update is skipped and the WAR still deploys.
 */
@ApplicationScoped
public class MetersProducer {

    private static final Logger LOG = LoggerFactory.getLogger(MetersProducer.class);

    /**
     * The registry, asked for through the injection point that carries its scope (Payara's producer reads it there).
     * Typed {@code Object} so that this class loads where the MP Metrics API is absent: the JVM skips an annotation
     * whose type it cannot find, and the constant is compiled in.
     */
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    Instance<Object> registries;

    /** The default-qualified beans: WildFly's micrometer subsystem adds its {@code MeterRegistry} among them. */
    @Inject
    Instance<Object> beans;

    @Produces
    @ApplicationScoped
    Meters meters() {
        Meters meters = MicroProfileMeters.available() ? MicroProfileMeters.from(registries) : Meters.NONE;
        if (meters == Meters.NONE && MicrometerMeters.available()) {
            meters = MicrometerMeters.from(beans);
        }
        if (meters == Meters.NONE) {
            LOG.info("Neither a MicroProfile Metrics nor a Micrometer registry on this server: Custodian's metrics are not published");
        } else {
            LOG.info("Custodian's metrics are published through {}", meters.getClass().getSimpleName());
        }
        return meters;
    }
}
