package dev.sagents.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.autoconfigure.HandlerExecutors;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.FencedAgentStorage;
import dev.sagents.persistence.FileSystemStorage;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.persistence.StateWriter;
import dev.sagents.persistence.WriteMode;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.RestartIntensity;

/**
 * A local node whose agents and file systems persist in stores shared with other nodes, as two
 * application instances on one database: agents are {@link CounterAgent}s, states travel as JSON.
 */
final class StoredNode implements AutoCloseable {

	/** The codec of every stored node: JSON, trusting this package (the counter's state). */
	static final MessageCodec CODEC = new JsonMessageCodec(JsonMapper.builder().build(),
			new TrustedTypes(List.of("dev.sagents.local"), List.of(), StoredNode.class.getClassLoader()));

	private final ExecutorService executor = HandlerExecutors.byDefault();

	private final LocalProcessRuntime runtime;

	private final LocalProcessRegistry registry = new LocalProcessRegistry();

	private final FencedAgentStorage agentStorage;

	final CounterAgent counter = new CounterAgent();

	final LocalAgentsSupervisor agents;

	final LocalFileSystemSupervisor fileSystems;

	StoredNode(String name, AgentStateStore states, FileSystemStore files, WriteMode mode, Duration coalesceDelay,
			long maxStateSize) {
		this.runtime = new LocalProcessRuntime(name, this.executor);
		this.agentStorage = new FencedAgentStorage(states, CODEC, new StateWriter(states, mode, coalesceDelay),
				maxStateSize);
		ProcessFailureLog failures = new ProcessFailureLog(10);
		this.fileSystems = new LocalFileSystemSupervisor(this.runtime, this.registry, FileSystemStorage.fenced(files),
				FileSystemSettings.defaults(), failures);
		this.agents = new LocalAgentsSupervisor(this.runtime, this.registry,
				new NamedAgentBehaviorResolver(Map.of("counter", this.counter), null), this.agentStorage,
				this.fileSystems, new AgentSettings(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(10),
						RestartIntensity.defaults()),
				failures);
		this.registry.start();
		this.agents.start();
		this.fileSystems.start();
	}

	/** Stops the node as its shutdown does: agents, then file systems, then the writer. */
	@Override
	public void close() {
		this.registry.drain();
		this.agents.stop();
		this.fileSystems.stop();
		this.registry.stop();
		this.agentStorage.close();
		this.runtime.close();
		this.executor.shutdownNow();
	}

}
