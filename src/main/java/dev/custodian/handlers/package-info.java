/** The built-in job handlers: {@code echo}, {@code gzip} and {@code csv-summary}. */
package dev.custodian.handlers;
