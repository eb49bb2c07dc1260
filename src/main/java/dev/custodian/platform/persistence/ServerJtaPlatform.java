package dev.custodian.platform.persistence;

import org.hibernate.engine.transaction.jta.platform.internal.JBossAppServerJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformProvider;

/**
 * Tells the Hibernate bundled in the WAR which server's transaction manager it joins: Payara's (GlassFish JNDI
 * names) or WildFly's. Hibernate asks this provider (a {@code META-INF/services} entry) only where nothing is
 * configured; WildFly's JPA integration may configure its own platform first, which is the same one.
 */
public class ServerJtaPlatform implements JtaPlatformProvider {

    @Override
    public JtaPlatform getProvidedJtaPlatform() {
        if (System.getProperty("com.sun.aas.installRoot") != null) {
            return new SunOneJtaPlatform();
        }
        if (System.getProperty("jboss.home.dir") != null) {
            return new JBossAppServerJtaPlatform();
        }
        return null;
    }
}
