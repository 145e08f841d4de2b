/**
 * The auto-configuration of the sagents meters ({@link dev.sagents.metrics.micrometer}), when the
 * application has a Micrometer {@code MeterRegistry}.
 */
package dev.sagents.autoconfigure.metrics;
