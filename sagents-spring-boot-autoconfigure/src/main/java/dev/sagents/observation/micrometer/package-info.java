/**
 * The Micrometer {@code ObservationRegistry} behind {@link dev.sagents.observation.SagentsObservations}:
 * the observations {@code sagents.call}, {@code sagents.cast} and {@code sagents.handle}, the trace
 * context injected into and extracted from {@link dev.sagents.observation.TraceHeaders}. The only
 * package besides its auto-configuration that names Micrometer's observation API.
 */
package dev.sagents.observation.micrometer;
