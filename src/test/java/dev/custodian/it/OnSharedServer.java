package dev.custodian.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the integration tests that run against the shared server ({@link SharedServer}): the same
 * deployment for every class, and every test starting from an empty database and data root.
 */
@ExtendWith(ArquillianExtension.class)
abstract class OnSharedServer {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.custodian();
    }

    @BeforeEach
    void startFromNothing() {
        Environment.reset();
    }
}
