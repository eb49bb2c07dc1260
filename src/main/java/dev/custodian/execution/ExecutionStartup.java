package dev.custodian.execution;

import static net.logstash.logback.argument.StructuredArguments.kv;

import dev.custodian.platform.NodeIdentity;
import dev.custodian.worker.control.NodeRegistry;
import dev.custodian.worker.control.StuckJobDetector;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings this node up once the schema is in place: registers it, recovers the jobs its previous life still
 * held (before any new work is taken), then starts the executor. At undeploy it stops the executor gracefully
 * while the database is still there.
 */
@Singleton
@Startup
@DependsOn({"ConfigValidation", "SchemaMigration"})
public class ExecutionStartup {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionStartup.class);

    @Inject
    JobExecutor executor;

    @Inject
    NodeRegistry nodes;

    @Inject
    StuckJobDetector detector;

    @Inject
    NodeIdentity node;

    @PostConstruct
    void start() {
        nodes.started();
        int recovered = detector.recover(node.id());
        if (recovered > 0) {
            LOG.info("Recovered jobs this node held before it stopped {}", kv("recovered", recovered));
        }
        executor.start();
    }

    @PreDestroy
    void stop() {
        executor.stop();
        try {
            nodes.stopped();
        } catch (RuntimeException e) {
            LOG.warn("Could not record this node's shutdown: {}", e.toString());
        }
    }
}
