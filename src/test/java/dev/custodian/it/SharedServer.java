package dev.custodian.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * One Payara Micro process for the whole integration suite instead of one per test class.
 *
 * <p>The Payara Micro container starts a server process on deploy and stops it on undeploy, without waiting for it to
 * exit; the next class's server then races the old one for the port. Here the first deployment of an archive starts
 * the server, later classes deploying the same archive reuse it, and it is stopped (and waited for) once, when
 * Arquillian stops the container at the end of the suite, or when a class deploys a different archive.
 */
public final class SharedServer extends PayaraMicroDeployableContainer {

    private static final int BOOT_ATTEMPTS = 3;

    static {
        ServerLog.install();
    }

    private Archive<?> deployed;
    private ProtocolMetaData metadata;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (deployed != null && deployed.getName().equals(archive.getName())) {
            return metadata;
        }
        stopServer();
        for (int attempt = 1; ; attempt++) {
            try {
                metadata = super.deploy(archive);
                deployed = archive;
                return metadata;
            } catch (DeploymentException e) {
                // Payara Micro 6 now and then fails its own boot (a ConcurrentModificationException in its metrics
                // service while services start in parallel): the process exits and a fresh one boots fine.
                if (attempt == BOOT_ATTEMPTS) {
                    throw e;
                }
                deployed = archive;
                stopServer();
            }
        }
    }

    @Override
    public void undeploy(Archive<?> archive) {
        // kept running for the next test class; see stop()
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            stopServer();
        } catch (DeploymentException e) {
            throw new LifecycleException("could not stop Payara Micro", e);
        }
        super.stop();
    }

    private void stopServer() throws DeploymentException {
        if (deployed == null) {
            return;
        }
        Process process = process();
        super.undeploy(deployed);
        deployed = null;
        metadata = null;
        if (process != null) {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Process process() {
        try {
            Field field = PayaraMicroDeployableContainer.class.getDeclaredField("payaraMicroProcess");
            field.setAccessible(true);
            return (Process) field.get(this);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Registered in META-INF/services in place of the Payara Micro container's own deployable container. */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedServer.class);
        }
    }
}
