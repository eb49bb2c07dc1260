package dev.custodian.retention.control;

import jakarta.persistence.Query;
import java.util.Set;

/**
 * Which job types one selection pass covers: one overridden type, or every type except the overridden ones. The
 * condition reads the same in JPQL and in native SQL (alias {@code j}, column {@code type}).
 */
public sealed interface TypeScope {

    void where(StringBuilder jpql);

    void bind(Query query);

    static TypeScope only(String type) {
        return new Only(type);
    }

    static TypeScope allExcept(Set<String> types) {
        return new AllExcept(Set.copyOf(types));
    }

    record Only(String type) implements TypeScope {
        public void where(StringBuilder jpql) {
            jpql.append(" and j.type = :type");
        }

        public void bind(Query query) {
            query.setParameter("type", type);
        }
    }

    record AllExcept(Set<String> types) implements TypeScope {
        public void where(StringBuilder jpql) {
            if (!types.isEmpty()) {
                jpql.append(" and j.type not in (:types)");
            }
        }

        public void bind(Query query) {
            if (!types.isEmpty()) {
                query.setParameter("types", types);
            }
        }
    }
}
