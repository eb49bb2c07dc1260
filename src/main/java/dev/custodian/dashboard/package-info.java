/**
 * The dashboard (SPEC section 8): static pages under {@code /dashboard/} of the WAR (plain ES modules calling the
 * JSON API with relative URLs, uPlot from its WebJar), and the response headers that keep them to their own origin.
 * It has no API of its own: what a page shows, the API answers, with the same users and roles.
 */
package dev.custodian.dashboard;
