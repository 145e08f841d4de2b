/**
 * What the runtime reports for observations (and so traces), with no observation library:
 * {@link dev.sagents.observation.SagentsObservations} (a call or cast to an agent, from its caller
 * through the mailbox to the handler; {@link dev.sagents.observation.SagentsObservations#NONE} by
 * default), and {@link dev.sagents.observation.TraceHeaders}, the W3C trace context that crosses to
 * another member with a message. {@code observation.micrometer} turns it into Micrometer
 * observations.
 */
package dev.sagents.observation;
