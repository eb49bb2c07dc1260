/**
 * Cross-cutting infrastructure every feature leans on: the injected {@link java.time.Clock}, MicroProfile
 * Config parsing and validation, the node identity, schema migration, security (users, roles, the
 * role check), the mapping of domain exceptions to {@code application/problem+json}, and logging context.
 * Nothing here knows about jobs or retention.
 */
package dev.custodian.platform;
