/**
 * The Hazelcast backend. Its API face is {@code HordeProcessRegistry}, {@code HordeAgentsSupervisor},
 * {@code HordeFileSystemSupervisor} and {@code HordeClusterView}, all over one {@link dev.sagents.horde.HordeNode}
 * per node, which puts its parts together when it joins: the cluster registry, placement, calls and casts, inbound
 * messages, handoff, recovery and split heal, each in a class named for it, over the members
 * ({@code HordeMembership}), the messages between them ({@code HordeTransport}) and the processes hosted here
 * ({@code HostedProcesses}). {@link dev.sagents.horde.HordeStructures} names every Hazelcast structure it uses.
 */
package dev.sagents.horde;
