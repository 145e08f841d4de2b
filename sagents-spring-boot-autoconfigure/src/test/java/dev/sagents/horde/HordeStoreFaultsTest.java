package dev.sagents.horde;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSettings;
import dev.sagents.agent.AgentSpec;
import dev.sagents.codec.MessageDecodingException;
import dev.sagents.persistence.PersistenceUnavailableException;
import dev.sagents.persistence.StateTooLargeException;
import dev.sagents.persistence.UnreadableStateException;
import dev.sagents.persistence.jdbc.JdbcAgentStateStore;
import dev.sagents.persistence.jdbc.JdbcTables;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessStartException;
import dev.sagents.process.StaleActivationException;
import dev.sagents.testsupport.SwitchableDataSource;
import dev.sagents.testsupport.TestDatabases;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The store's failures on a member other than the caller's: a start placed on n2, or a call served
 * there, fails with the same typed error, naming the agent and why, as it would on the caller's own
 * node. Each node reaches the one database through its own connections, which can be cut.
 */
class HordeStoreFaultsTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path fileSystems;

	private final DataSource database = TestDatabases.h2("horde-store-faults");

	private final JdbcTables tables = TestDatabases.createTables(this.database, "h2",
			new JdbcTables(TestDatabases.uniquePrefix()));

	/** n2's connections to the database. */
	private final SwitchableDataSource n2Database = new SwitchableDataSource(this.database);

	private HordeTestCluster cluster;

	@BeforeEach
	void createCluster() {
		this.cluster = HordeTestCluster.ofTallies("store-faults", this.fileSystems, AgentSettings.defaults());
	}

	@AfterEach
	void stopCluster() {
		this.n2Database.up();
		this.cluster.close();
	}

	/** Starts n1 and n2, n2 keeping states of up to {@code n2MaxStateSize} bytes encoded. */
	private void startNodes(long n2MaxStateSize) {
		this.cluster.fencedStore(new JdbcAgentStateStore(this.database, this.tables)).start("n1");
		this.cluster.fencedStore(new JdbcAgentStateStore(this.n2Database, this.tables), n2MaxStateSize).start("n2");
		this.cluster.awaitAllHosting();
	}

	@Test
	void aStartPlacedOnAMemberWhoseDatabaseIsDownFailsAsPersistenceUnavailableAndWorksOnceItIsBack() {
		startNodes(1024 * 1024);
		String id = this.cluster.idOwnedBy("n2", 0);
		this.n2Database.down();

		assertThatExceptionOfType(ProcessStartException.class)
			.isThrownBy(() -> this.cluster.node("n1").agents.startAgent(AgentSpec.of(id)))
			.satisfies((failed) -> assertThat(failed.key()).isEqualTo(ProcessKey.agent(id)))
			.havingCause()
			.isInstanceOfSatisfying(PersistenceUnavailableException.class,
					(unavailable) -> assertThat(unavailable.reason()).contains("claim agent '" + id + "'",
							"the database is down"));
		assertThat(this.cluster.node("n1").agents.findAgent(id)).as("nothing registered").isEmpty();

		this.n2Database.up();
		AgentRef agent = this.cluster.node("n1").agents.startAgent(AgentSpec.of(id)).ref();
		assertThat(agent.node()).isEqualTo("n2");
		assertThat(agent.callAndWait("tick", Long.class, TIMEOUT)).isEqualTo(1);
	}

	@Test
	void aStartPlacedOnAnotherMemberOfAnAgentWhoseStoredStateCannotBeReadNamesTheAgent() {
		startNodes(1024 * 1024);
		String id = this.cluster.idOwnedBy("n2", 0);
		new JdbcAgentStateStore(this.database, this.tables).claim(id);
		JdbcClient.create(this.database)
			.sql("UPDATE " + this.tables.agentState() + " SET STATE_TYPE = ?, STATE_DATA = ? WHERE AGENT_ID = ?")
			.params(Tally.Count.class.getName(), "not json".getBytes(StandardCharsets.UTF_8), id)
			.update();

		assertThatExceptionOfType(ProcessStartException.class)
			.isThrownBy(() -> this.cluster.node("n1").agents.startAgent(AgentSpec.of(id)))
			.havingCause()
			.isInstanceOfSatisfying(UnreadableStateException.class,
					(unreadable) -> assertThat(unreadable.agentId()).isEqualTo(id))
			.havingCause()
			.isInstanceOfSatisfying(MessageDecodingException.class,
					(decoding) -> assertThat(decoding.type()).isEqualTo(Tally.Count.class.getName()));
		assertThat(this.cluster.node("n1").agents.findAgent(id)).as("nothing registered").isEmpty();
	}

	@Test
	void aCallServedByAnotherMemberWhoseStoreRefusesTheChangeFailsWithTheStoresReason() {
		// n2 keeps counts of one digit only.
		startNodes(this.cluster.codec().encode(new Tally.Count(9)).data().length);
		String id = this.cluster.idOwnedBy("n2", 0);
		AgentRef agent = this.cluster.node("n1").agents.startAgent(AgentSpec.of(id)).ref();
		for (int i = 0; i < 9; i++) {
			agent.callAndWait("tick", Long.class, TIMEOUT);
		}

		assertThatExceptionOfType(StateTooLargeException.class)
			.isThrownBy(() -> agent.callAndWait("tick", Long.class, TIMEOUT))
			.satisfies((tooLarge) -> assertThat(tooLarge.agentId()).isEqualTo(id));
		assertThat(agent.callAndWait("get", Long.class, TIMEOUT)).as("the previous state kept").isEqualTo(9);

		// A newer activation of another agent of n2's claims its state: that agent's next change is refused.
		String other = this.cluster.idOwnedBy("n2", Integer.parseInt(id.substring("aimed-".length())) + 1);
		AgentRef superseded = this.cluster.node("n1").agents.startAgent(AgentSpec.of(other)).ref();
		new JdbcAgentStateStore(this.database, this.tables).claim(other);
		assertThatExceptionOfType(StaleActivationException.class)
			.isThrownBy(() -> superseded.callAndWait("tick", Long.class, TIMEOUT))
			.satisfies((stale) -> assertThat(stale.key()).isEqualTo(ProcessKey.agent(other)));
	}

}
