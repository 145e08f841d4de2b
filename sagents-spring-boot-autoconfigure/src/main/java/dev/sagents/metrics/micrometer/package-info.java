/**
 * The runtime's metrics as Micrometer meters: {@link dev.sagents.metrics.micrometer.MicrometerSagentsMetrics}
 * counts and times the events, {@link dev.sagents.metrics.micrometer.SagentsMeterBinder} reads the gauges
 * from this node's own views. The names are listed in docs/operations.md.
 */
package dev.sagents.metrics.micrometer;
