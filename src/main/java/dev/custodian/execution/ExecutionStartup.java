package dev.custodian.execution;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Starts the in-process executor once the schema is in place. */
@Singleton
@Startup
@DependsOn({"ConfigValidation", "SchemaMigration"})
public class ExecutionStartup {

    @Inject
    JobExecutor executor;

    @PostConstruct
    void start() {
        executor.start();
    }
}
