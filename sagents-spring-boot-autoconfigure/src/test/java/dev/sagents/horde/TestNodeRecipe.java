package dev.sagents.horde;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentSettings;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.filesystem.FileSystemSettings;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FileSystemStorage;

/**
 * What the nodes a {@link HordeTestCluster} starts are made of. Each {@link HordeTestNode} reads
 * it once, when it is made: a change applies to the nodes started from then on.
 */
final class TestNodeRecipe {

	/** The behaviour of each agent type. */
	final Map<String, AgentBehavior<?>> behaviors;

	/** How long a request between members may take. */
	Duration requestTimeout = Duration.ofSeconds(15);

	/** How the agents behave. */
	AgentSettings agentSettings;

	/** What the nodes do when a member joins. */
	HordeSettings.Rebalance rebalance = HordeSettings.Rebalance.PASSIVE;

	/** Where the file systems keep their files. */
	FileSystemStorage fileSystemStorage;

	/** How the file systems behave. */
	FileSystemSettings fileSystemSettings = FileSystemSettings.defaults();

	/** The codec: JSON, trusting this package. */
	MessageCodec codec = new JsonMessageCodec(JsonMapper.builder().build(),
			new TrustedTypes(List.of("dev.sagents.horde"), List.of(), getClass().getClassLoader()));

	/** Whether the nodes verify local values through the codec. */
	boolean verifyLocal;

	/** How many messages a mailbox may hold. */
	int mailboxCapacity = LocalProcessRuntime.DEFAULT_MAILBOX_CAPACITY;

	/** How many bytes an encoded message may have. */
	long maxMessageBytes = HordeSettings.DEFAULT_MAX_MESSAGE_BYTES;

	/** Whether the nodes report to their own {@link HordeTestNode#meters}. */
	boolean metered;

	/** Whether the nodes observe calls and casts into their own {@link HordeTestNode#tracing}. */
	boolean traced;

	/** What the agents persist through. */
	AgentStorage agentStorage;

	TestNodeRecipe(Map<String, AgentBehavior<?>> behaviors, AgentSettings agentSettings,
			FileSystemStorage fileSystemStorage, AgentStorage agentStorage) {
		this.behaviors = behaviors;
		this.agentSettings = agentSettings;
		this.fileSystemStorage = fileSystemStorage;
		this.agentStorage = agentStorage;
	}

}
