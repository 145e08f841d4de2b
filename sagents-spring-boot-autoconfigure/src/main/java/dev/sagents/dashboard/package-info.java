/**
 * The sagents dashboard: one read-only page, served from this jar, that shows this node's view of
 * the cluster (the members of each instance, the agents of each node, where an agent runs, rates
 * read from the Micrometer meters, the processes given up) and keeps it up to date over
 * server-sent events. Backend-agnostic: it reads the cluster view, the registry, the agents
 * supervisor and the failure log, never Hazelcast.
 */
package dev.sagents.dashboard;
