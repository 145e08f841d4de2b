/**
 * The {@link dev.sagents.supervisor.SagentsSupervisor}, the root that gates a node and starts and stops its
 * pieces ({@link dev.sagents.supervisor.SagentsLifecycle}) in one order, with what supervision speaks of: start
 * results, exit reasons, restart intensity and the log of processes given up.
 */
package dev.sagents.supervisor;
