package dev.sagents.sample.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.web.ApiClient.EventStream;
import dev.sagents.sample.web.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;

import static dev.sagents.sample.web.SampleAppCluster.AGENTS;
import static dev.sagents.sample.web.SampleAppCluster.FAILOVER;
import static dev.sagents.sample.web.SampleAppCluster.agentId;
import static dev.sagents.sample.web.SampleAppCluster.assertAnswersAgain;
import static dev.sagents.sample.web.SampleAppCluster.assertClusterView;
import static dev.sagents.sample.web.SampleAppCluster.assertEachAgentRunsOnce;
import static dev.sagents.sample.web.SampleAppCluster.handledCounts;
import static dev.sagents.sample.web.SampleAppCluster.names;
import static dev.sagents.sample.web.SampleAppCluster.noteReply;
import static dev.sagents.sample.web.SampleAppCluster.polling;
import static dev.sagents.sample.web.SampleAppCluster.startAgentsAndTalkToEach;
import static dev.sagents.sample.web.SampleAppCluster.tell;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Four sample-app JVMs in horde mode ({@link SampleAppCluster}): after a node dies (SIGKILL) or
 * stops gracefully (SIGTERM), every agent answers again through the survivors, with the message
 * count it had persisted, and runs on exactly one survivor, as the survivors say what they host. An
 * event stream goes on across the failover; messages sent all through the graceful stop are each
 * answered, and counted once.
 *
 * <p>Starting JVMs dominates the run time, so both scenarios share one cluster: node 4 is killed,
 * then node 3 is stopped. Each scenario only needs its own node still running, and counts on the
 * agents' counts it reads itself, so either also passes alone. Four nodes, so that either leaves
 * more than one survivor: events must then be relayed between nodes after the kill, and messages
 * go ahead to another node during the handoff. Each node's output is in
 * {@code target/horde-it/<node>.log}.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class HordeFailoverIT {

	private static final Path WORK_DIRECTORY = Path.of("target", "horde-it").toAbsolutePath();

	/** An event is relayed within milliseconds; this bound only keeps a broken run finite. */
	private static final Duration EVENT = Duration.ofSeconds(10);

	private SampleAppCluster cluster;

	@BeforeAll
	void startCluster() {
		this.cluster = new SampleAppCluster("notes-it", 4, WORK_DIRECTORY);
	}

	@AfterAll
	void stopCluster() {
		this.cluster.close();
	}

	/**
	 * Messages go through the survivors in turn, so that lookups and calls run from each. Event
	 * streams opened on every survivor, before the kill, for an agent of node 4 carry its events
	 * from its next host: all but one need them relayed from another node. This scenario shares the
	 * kill: a node of its own to kill would cost one more JVM.
	 */
	@Test
	@Order(1)
	void everyAgentAnswersWithItsStateAndItsEventsGoOnAfterANodeIsKilled() throws InterruptedException {
		SampleAppNode killed = node(4);
		Map<String, NoteReply> before = talkToEveryAgentWithSomeOn(killed);
		String watched = before.entrySet().stream()
			.filter((agent) -> agent.getValue().node().equals(killed.name()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
		Map<SampleAppNode, EventStream> streams = new LinkedHashMap<>();
		try {
			for (SampleAppNode survivor : List.of(node(1), node(2), node(3))) {
				streams.put(survivor,
						survivor.api().events("/api/agents/" + watched + "/events").awaitSubscribed(EVENT));
			}
			killed.kill();
			long handled = assertEveryAgentAnswersAgain(handledCounts(before), killed,
					(index, survivors) -> survivors.get(index % survivors.size()))
				.get(watched);
			streams.forEach((survivor, events) -> assertThatNoException()
				.as("the reply of %s (handled %d) on the event stream of %s", watched, handled, survivor.name())
				.isThrownBy(() -> events.next("replied",
						(event) -> event.get("detail").get("handled").asLong() == handled, EVENT)));
		}
		finally {
			streams.values().forEach(EventStream::close);
		}
	}

	/**
	 * A sender talks to every agent in turn through node 1 from before the SIGTERM until well
	 * after node 3 exited: every one of its messages is answered, and each agent counts each once.
	 */
	@Test
	@Order(2)
	void everyAgentAnswersWithItsStateAndNoMessageIsLostWhileANodeStopsGracefully() {
		SampleAppNode stopped = node(3);
		Sender sender = new Sender(node(1), handledCounts(talkToEveryAgentWithSomeOn(stopped)));
		long atSignal;
		long atExit;
		try (sender) {
			sender.awaitCalls(AGENTS);
			atSignal = sender.calls();
			stopped.terminate();
			atExit = sender.calls();
			sender.awaitCalls(atExit + 3 * AGENTS);
		}
		assertThat(sender.failures())
			.as("failures among the %d calls through %s, %d of them while %s stopped", sender.calls(),
					node(1).name(), atExit - atSignal, stopped.name())
			.isEmpty();
		assertThat(atExit - atSignal).as("calls answered while %s stopped", stopped.name()).isPositive();
		assertEveryAgentAnswersAgain(sender.handled(), stopped, (index, survivors) -> node(1));
	}

	/** Starts the agents (unless they run) and talks to each through node 1: some must run on {@code leaving}. */
	private Map<String, NoteReply> talkToEveryAgentWithSomeOn(SampleAppNode leaving) {
		Map<String, NoteReply> replies = startAgentsAndTalkToEach(node(1));
		assertThat(replies.values()).as("agents hosted by %s, which is about to leave", leaving.name())
			.anyMatch((reply) -> reply.node().equals(leaving.name()));
		return replies;
	}

	/**
	 * Checks that every agent answers through the node {@code via} picks, from a survivor, with its
	 * count going on from {@code handled}; that each runs on exactly one survivor, as the survivors
	 * say; and that node 1 sees exactly the survivors. Returns the new counts.
	 */
	private Map<String, Long> assertEveryAgentAnswersAgain(Map<String, Long> handled, SampleAppNode gone,
			BiFunction<Integer, List<SampleAppNode>, SampleAppNode> via) {
		List<SampleAppNode> survivors = this.cluster.running();
		Map<String, Long> after = new HashMap<>();
		for (int i = 0; i < AGENTS; i++) {
			String id = agentId(i);
			after.put(id, assertAnswersAgain(id, via.apply(i, survivors), gone, handled.get(id)));
		}
		polling(FAILOVER).untilAsserted(() -> assertEachAgentRunsOnce(survivors));
		polling(FAILOVER).untilAsserted(() -> assertClusterView(node(1), names(survivors)));
		return after;
	}

	private SampleAppNode node(int number) {
		return this.cluster.node(number);
	}

	/**
	 * Sends messages, in the background, to each agent in turn through one node, one at a time and
	 * never retried (a retry would count twice), until closed. What a caller would notice is a
	 * failure: an answer other than 200, or a count that does not go on by one from the last one
	 * it saw (a message lost, or counted twice). After a failure it takes the agent's next count
	 * as it comes, so that each fault is listed once.
	 */
	private static final class Sender implements AutoCloseable {

		private final SampleAppNode via;

		/** The last count seen of each agent, none after a failure. Read once the thread ended. */
		private final Map<String, Long> handled;

		private final List<String> failures = new CopyOnWriteArrayList<>();

		private final AtomicLong calls = new AtomicLong();

		private final Thread thread;

		private volatile boolean stopping;

		Sender(SampleAppNode via, Map<String, Long> handled) {
			this.via = via;
			this.handled = new HashMap<>(handled);
			this.thread = new Thread(this::run, "sender");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		private void run() {
			for (int i = 0; !this.stopping; i = (i + 1) % AGENTS) {
				String id = agentId(i);
				Long last = this.handled.remove(id);
				try {
					Response response = tell(this.via, id);
					if (response.status() != 200) {
						this.failures.add(id + " answered " + response.status() + ": " + response.body());
					}
					else {
						NoteReply reply = noteReply(response);
						if (last != null && reply.handled() != last + 1) {
							this.failures.add(id + " counted " + reply.handled() + " after " + last + " (on "
									+ reply.node() + ")");
						}
						this.handled.put(id, reply.handled());
					}
				}
				catch (RuntimeException ex) {
					this.failures.add(id + ": " + ex);
				}
				this.calls.incrementAndGet();
			}
		}

		/** Waits until {@code count} calls were answered (or failed) since the start. */
		void awaitCalls(long count) {
			polling(FAILOVER).until(() -> this.calls.get() >= count);
		}

		long calls() {
			return this.calls.get();
		}

		List<String> failures() {
			return this.failures;
		}

		/** The last count seen of each agent (none for an agent whose last call failed), once closed. */
		Map<String, Long> handled() {
			return this.handled;
		}

		/** Stops after the call under way and waits for it. */
		@Override
		public void close() {
			this.stopping = true;
			try {
				this.thread.join(FAILOVER.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
