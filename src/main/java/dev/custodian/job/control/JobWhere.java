package dev.custodian.job.control;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JPQL condition of a {@link JobFilter} for one caller (alias {@code j}), with its parameters: one translation
 * used by the list, its count and the bulk actions, so that a bulk action touches exactly what the list showed.
 */
final class JobWhere {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    static JobWhere of(Caller caller, JobFilter filter) {
        JobWhere where = new JobWhere();
        where.add(filter.deleted() ? "j.deletedAt is not null" : "j.deletedAt is null");
        if (!caller.admin()) {
            where.add("j.owner = :owner", "owner", caller.name());
        } else {
            filter.owner().ifPresent(owner -> where.add("j.owner = :owner", "owner", owner));
        }
        filter.status().ifPresent(status -> where.add("j.status = :status", "status", status));
        filter.type().ifPresent(type -> where.add("j.type = :type", "type", type));
        filter.createdAfter().ifPresent(at -> where.add("j.createdAt > :createdAfter", "createdAfter", at));
        filter.createdBefore().ifPresent(at -> where.add("j.createdAt < :createdBefore", "createdBefore", at));
        return where;
    }

    JobWhere add(String condition) {
        conditions.add(condition);
        return this;
    }

    JobWhere add(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
        return this;
    }

    JobWhere param(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    JobWhere ids(Collection<?> ids) {
        return add("j.id in :ids", "ids", ids);
    }

    String jpql() {
        return " where " + String.join(" and ", conditions);
    }

    <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
