/**
 * The single-node backend, and where processes run in either backend: the process
 * ({@link dev.sagents.local.LocalProcess}) with its parts ({@link dev.sagents.local.Mailbox},
 * {@link dev.sagents.local.Envelopes}, {@link dev.sagents.local.CallerWait},
 * {@link dev.sagents.local.RestartWindow}) on a shared executor and one timer
 * ({@link dev.sagents.local.LocalProcessRuntime}), this node's registry, the local agents and file-system
 * supervisors with the processes they host, agent events, and the {@link dev.sagents.local.HostingListener}
 * through which a clustered backend follows what is hosted here.
 */
package dev.sagents.local;
