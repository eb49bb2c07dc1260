package dev.custodian.cleanup.control;

import java.util.Map;
import java.util.Optional;

/**
 * Per-run overrides of a cleanup request, by target name, each what its target read from its section
 * ({@link CleanupTarget#readOverrides}); a target without an entry keeps its configured policy.
 */
public record CleanupOverrides(Map<String, Object> byTarget) {

    public static final CleanupOverrides NONE = new CleanupOverrides(Map.of());

    public CleanupOverrides {
        byTarget = Map.copyOf(byTarget);
    }

    public <T> Optional<T> of(String target, Class<T> type) {
        return Optional.ofNullable(byTarget.get(target)).map(type::cast);
    }
}
