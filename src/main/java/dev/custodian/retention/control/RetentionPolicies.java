package dev.custodian.retention.control;

import java.util.Map;
import java.util.Set;

/**
 * The default policy and the per-type ones ({@code custodian.retention.type.<type>.*}); a type without overrides
 * follows the default. A per-run override applies on top of both.
 */
public record RetentionPolicies(RetentionPolicy defaults, Map<String, RetentionPolicy.Override> typeOverrides) {

    public RetentionPolicies {
        typeOverrides = Map.copyOf(typeOverrides);
    }

    public RetentionPolicy forType(String type) {
        return defaults.with(typeOverrides.getOrDefault(type, RetentionPolicy.Override.NONE));
    }

    public Set<String> overriddenTypes() {
        return typeOverrides.keySet();
    }

    /** These policies with a per-run override applied to the default and to every type. */
    public RetentionPolicies withRunOverride(RetentionPolicy.Override run) {
        Map<String, RetentionPolicy.Override> types = new java.util.HashMap<>();
        typeOverrides.forEach((type, o) -> types.put(type, o.then(run)));
        return new RetentionPolicies(defaults.with(run), types);
    }
}
