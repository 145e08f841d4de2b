package dev.sagents.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.codec.UntrustedTypeException;
import dev.sagents.local.CounterAgent.Count;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.persistence.RecordingStateStore;
import dev.sagents.persistence.UnreadableStateException;
import dev.sagents.persistence.WriteMode;
import dev.sagents.persistence.jdbc.JdbcAgentStateStore;
import dev.sagents.persistence.jdbc.JdbcFileSystemStore;
import dev.sagents.persistence.jdbc.JdbcTables;
import dev.sagents.process.ProcessStartException;
import dev.sagents.testsupport.SwitchableDataSource;
import dev.sagents.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What agents do when their store fails them: a database that cannot be reached fails the calls
 * that must store with a typed error and nothing else, and service comes back with it; a stored
 * state that cannot be read is a typed error naming the agent, and the agent does not start.
 */
class PersistenceFaultsTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final SwitchableDataSource database = new SwitchableDataSource(TestDatabases.h2("persistence-faults"));

	private final JdbcTables tables = TestDatabases.createTables(this.database, "h2",
			new JdbcTables(TestDatabases.uniquePrefix()));

	private final RecordingStateStore states = new RecordingStateStore(new JdbcAgentStateStore(this.database, this.tables));

	private StoredNode node;

	@AfterEach
	void stopNode() {
		this.database.up();
		if (this.node != null) {
			this.node.close();
		}
	}

	private AgentRef counterOn(WriteMode mode) {
		this.node = new StoredNode("n1", this.states, new JdbcFileSystemStore(this.database, this.tables), mode,
				Duration.ofMillis(100), 1024 * 1024);
		return this.node.agents.startAgent(AgentSpec.of("a").withType("counter")).ref();
	}

	private static long call(AgentRef agent, Object message) {
		return agent.callAndWait(message, Long.class, TIMEOUT);
	}

	private Count stored() throws Exception {
		return (Count) this.states.stored("a", StoredNode.CODEC);
	}

	@Test
	void aChangeTheStoreCannotTakeFailsItsCallTypedAndServiceComesBackWithTheStore() throws Exception {
		AgentRef agent = counterOn(WriteMode.WRITE_THROUGH);
		assertThat(call(agent, "inc")).isEqualTo(1);
		this.database.down();
		assertThatExceptionOfType(PersistenceUnavailableException.class).isThrownBy(() -> call(agent, "inc"));
		assertThat(agent.isAlive()).isTrue();
		assertThat(call(agent, CounterAgent.GET)).as("the refused change was not made").isEqualTo(1);
		this.database.up();
		assertThat(call(agent, "inc")).isEqualTo(2);
		assertThat(stored()).isEqualTo(new Count(2));
	}

	@Test
	void coalescedChangesMadeWhileTheStoreIsDownAreStoredOnceItIsBack() throws Exception {
		AgentRef agent = counterOn(WriteMode.COALESCED);
		this.database.down();
		for (int i = 0; i < 5; i++) {
			agent.cast(CounterAgent.QUIET);
		}
		assertThat(call(agent, CounterAgent.GET)).isEqualTo(5);
		await().atMost(TIMEOUT).until(() -> this.states.writesOf("a") >= 1);
		this.database.up();
		await().atMost(TIMEOUT).until(() -> new Count(5).equals(stored()));
	}

	@Test
	void aStoredStateThatCannotBeReadIsATypedErrorNamingTheAgentAndItDoesNotStart() {
		JdbcAgentStateStore store = new JdbcAgentStateStore(this.database, this.tables);
		store.claim("a");
		store.claim("b");
		JdbcClient jdbc = JdbcClient.create(this.database);
		String update = "UPDATE " + this.tables.agentState() + " SET STATE_TYPE = ?, STATE_DATA = ? WHERE AGENT_ID = ?";
		jdbc.sql(update).params(Count.class.getName(), "not json".getBytes(StandardCharsets.UTF_8), "a").update();
		jdbc.sql(update).params("com.example.Evil", "{}".getBytes(StandardCharsets.UTF_8), "b").update();
		this.node = new StoredNode("n1", this.states, new JdbcFileSystemStore(this.database, this.tables),
				WriteMode.WRITE_THROUGH, Duration.ofMillis(100), 1024 * 1024);

		assertThatExceptionOfType(ProcessStartException.class)
			.isThrownBy(() -> this.node.agents.startAgent(AgentSpec.of("a").withType("counter")))
			.havingCause()
			.isInstanceOfSatisfying(UnreadableStateException.class,
					(unreadable) -> assertThat(unreadable.agentId()).isEqualTo("a"));
		assertThatExceptionOfType(ProcessStartException.class)
			.isThrownBy(() -> this.node.agents.startAgent(AgentSpec.of("b").withType("counter")))
			.havingCause()
			.isInstanceOf(UnreadableStateException.class)
			.havingCause()
			.isInstanceOf(UntrustedTypeException.class);
		assertThat(this.node.agents.findAgent("a")).isEmpty();
		assertThat(this.node.counter.stops).isEmpty();
	}

}
