package dev.custodian.execution;

import dev.custodian.job.control.HandledTypes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The in-process handlers by type, found among the CDI beans at startup. */
@ApplicationScoped
public class HandlerRegistry implements HandledTypes {

    @Inject
    @Any
    Instance<JobHandler> beans;

    private Map<String, JobHandler> byType;

    @PostConstruct
    void index() {
        Map<String, JobHandler> found = new HashMap<>();
        for (JobHandler handler : beans) {
            JobHandler previous = found.putIfAbsent(handler.type(), handler);
            if (previous != null) {
                throw new IllegalStateException("Two job handlers for type '" + handler.type() + "': "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        byType = Map.copyOf(found);
    }

    public Optional<JobHandler> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    @Override
    public Set<String> types() {
        return byType.keySet();
    }

    @Override
    public boolean requiresInput(String type) {
        return forType(type).map(JobHandler::requiresInput).orElse(false);
    }
}
