/**
 * Auto-configuration of the observations of calls and casts (and so of traces across members)
 * when the application has a Micrometer {@code ObservationRegistry}.
 */
package dev.sagents.autoconfigure.observation;
