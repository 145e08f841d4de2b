/**
 * What the runtime tells about itself for metrics, with no metrics library in it: the events it
 * reports ({@link dev.sagents.metrics.SagentsMetrics}, by default {@link dev.sagents.metrics.SagentsMetrics#NONE})
 * and the load a node reads on demand ({@link dev.sagents.metrics.HostedLoad}).
 * {@link dev.sagents.metrics.micrometer} turns both into Micrometer meters.
 */
package dev.sagents.metrics;
