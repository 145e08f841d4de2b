package dev.sagents.horde;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.actuate.AgentOperations;
import dev.sagents.actuate.FileSystemOperations;
import dev.sagents.actuate.FileSystemOperations.FileSystemDescriptor;
import dev.sagents.actuate.NodeOperations;
import dev.sagents.actuate.SagentsEndpoint;
import dev.sagents.actuate.SagentsHealthIndicator;
import dev.sagents.agent.AgentDetails;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.process.ProcessKind;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the actuator asks of the horde, on three real members: an agent and a file system inspected
 * from a node that does not host it, and a node drained on an operator's request while callers keep calling.
 */
class HordeActuatorTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@TempDir
	Path fileSystems;

	@AutoClose
	private HordeTestCluster cluster;

	private void startCluster(String name) {
		this.cluster = HordeTestCluster.ofTallies("horde-actuator-" + name, this.fileSystems, AgentSettings.defaults());
		this.cluster.startHosting("n1", "n2", "n3");
	}

	@Test
	void anAgentIsInspectedFromANodeThatDoesNotHostItByAskingTheOneThatDoes() {
		startCluster("inspect");
		String id = this.cluster.idOwnedBy("n1", 0);
		HordeTestNode elsewhere = this.cluster.node("n2");
		AgentRef agent = elsewhere.agents.startAgent(new AgentSpec(id, "tally", null, Map.of())).ref();
		assertThat(elsewhere.agents.inspect(id)).hasValueSatisfying((details) -> {
			assertThat(details.node()).isEqualTo("n1");
			assertThat(details.moves()).isZero();
			assertThat(details.lastError()).isNull();
		});
		agent.cast("fail");
		await().atMost(TIMEOUT)
			.until(() -> elsewhere.agents.inspect(id).map(AgentDetails::lastError).isPresent());
		assertThat(elsewhere.agents.inspect(id).orElseThrow().lastError().message())
			.isEqualTo("java.lang.IllegalStateException: asked to fail");
		agent.cast("slow");
		agent.cast("tick");
		agent.cast("tick");
		agent.cast("tick");
		await().atMost(Tally.SLOW)
			.until(() -> this.cluster.node("n3").agents.inspect(id).map(AgentDetails::mailboxDepth).orElse(0) == 3);
		assertThat(elsewhere.agents.inspect("nobody")).isEmpty();
	}

	@Test
	void aFileSystemIsInspectedFromANodeThatDoesNotHostItByAskingTheFileSystem() {
		startCluster("filesystem");
		FileSystemRef notes = this.cluster.node("n1").fileSystems.ensureFileSystem("user:alice");
		notes.writeText("notes/a.md", "abc");
		notes.writeText("todo.md", "de");
		HordeTestNode elsewhere = this.cluster.nodes.stream()
			.filter((node) -> !node.name.equals(notes.node()))
			.findFirst()
			.orElseThrow();
		SagentsEndpoint endpoint = new SagentsEndpoint(elsewhere.view, elsewhere.registry, elsewhere.failures,
				new AgentOperations(elsewhere.agents, elsewhere.agents, elsewhere.failures),
				new FileSystemOperations(elsewhere.fileSystems, "disk"),
				new NodeOperations(elsewhere.view, new HordeNodeDrain(elsewhere.node), (event) -> {
				}));
		assertThat(endpoint.process("filesystems", "user:alice").getBody()).isEqualTo(new FileSystemDescriptor(
				"user:alice", notes.node(), 0, 2, 5, List.of("notes/a.md", "todo.md"), false, "disk"));
		assertThat(endpoint.process("filesystems", "user:nobody").getStatus()).isEqualTo(404);
	}

	@Test
	void aDrainedNodeHandsEverythingOverWhileEveryCallSucceedsAndStaysAMemberThatGetsNothingNew() throws Exception {
		startCluster("drain");
		HordeTestNode drained = this.cluster.node("n1");
		HordeTestNode caller = this.cluster.node("n3");
		List<String> ids = idsOwnedBy("n1", 12);
		ids.add(this.cluster.idOwnedBy("n2", 0));
		ids.forEach((id) -> caller.agents.startAgent(new AgentSpec(id, "tally", null, Map.of())));
		assertThat(drained.view.hostedHere(ProcessKind.AGENT)).hasSize(12);
		String ownedByTheDrainedNode = this.cluster.idOwnedBy("n1", 1000);

		Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
		List<Throwable> failed = new CopyOnWriteArrayList<>();
		AtomicBoolean calling = new AtomicBoolean(true);
		Thread callers = new Thread(() -> {
			while (calling.get()) {
				for (String id : ids) {
					try {
						caller.agents.findAgent(id).orElseThrow().call("tick", Long.class, TIMEOUT).join();
						answered.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
					}
					catch (RuntimeException ex) {
						failed.add(ex);
					}
				}
			}
		});
		callers.start();
		await().atMost(TIMEOUT).until(() -> answered.size() == ids.size());
		List<Object> published = new CopyOnWriteArrayList<>();
		assertThat(new NodeOperations(drained.view, new HordeNodeDrain(drained.node), published::add).drain().getStatus())
			.isEqualTo(200);
		int answeredAtDrain = answered.values().stream().mapToInt(AtomicInteger::get).sum();
		await().atMost(TIMEOUT)
			.until(() -> answered.values().stream().mapToInt(AtomicInteger::get).sum() > answeredAtDrain + ids.size());
		calling.set(false);
		callers.join();

		assertThat(failed).as("calls during the drain").isEmpty();
		assertThat(drained.view.hostedHere(ProcessKind.AGENT)).isEmpty();
		assertThat(published).singleElement()
			.satisfies((event) -> assertThat(((AvailabilityChangeEvent<?>) event).getState())
				.isEqualTo(ReadinessState.REFUSING_TRAFFIC));
		assertThat(new SagentsHealthIndicator(drained.view, drained.registry, true, Duration.ofSeconds(1),
				Clock.systemUTC())
			.health()
			.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(caller.view.members().get(SagentsInstance.REGISTRY)).as("still a member")
			.contains(new Member("n1", MemberStatus.SHUTTING_DOWN));
		for (String id : ids) {
			AgentDetails details = caller.agents.inspect(id).orElseThrow();
			assertThat(details.node()).isNotEqualTo("n1");
			assertThat(details.moves()).as(id).isEqualTo(id.equals(ids.get(12)) ? 0 : 1);
			assertThat(caller.agents.findAgent(id).orElseThrow().call("get", Long.class, TIMEOUT).join())
				.as("every call to %s handled once, none dropped", id)
				.isEqualTo(answered.get(id).get());
		}
		assertThat(drained.agents.inspect(ids.get(0))).as("inspected from the drained node")
			.hasValueSatisfying((details) -> assertThat(details.node()).isNotEqualTo("n1"));
		AgentRef placed = caller.agents.startAgent(new AgentSpec(ownedByTheDrainedNode, "tally", null, Map.of())).ref();
		assertThat(placed.node()).as("no new placement on the drained node").isNotEqualTo("n1");
		assertThat(drained.view.hostedHere(ProcessKind.AGENT)).isEmpty();
		assertThat(drained.node.membership().hostIds()).doesNotContain(drained.member());
	}

	/** {@code count} agent ids that {@code node} owns by placement. */
	private List<String> idsOwnedBy(String node, int count) {
		List<String> ids = new ArrayList<>();
		int from = 0;
		while (ids.size() < count) {
			String id = this.cluster.idOwnedBy(node, from);
			ids.add(id);
			from = Integer.parseInt(id.substring("aimed-".length())) + 1;
		}
		return ids;
	}

}
