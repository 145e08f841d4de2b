/**
 * What applications write and call for agents: the behaviour and its results, the context an agent runs in, the
 * spec it starts from, the {@link dev.sagents.agent.AgentsSupervisor} and references, persistence of agent state,
 * events and subscriptions.
 */
package dev.sagents.agent;
