package dev.custodian.platform.time;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * The clock whose instants are whole microseconds: what both databases store, so an instant written to a row and
 * one compared with it (a cursor, a lease, a conditional update) are equal. Inject {@code @Micros Clock}.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface Micros {
}
