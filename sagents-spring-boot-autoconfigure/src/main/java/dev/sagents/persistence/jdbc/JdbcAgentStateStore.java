package dev.sagents.persistence.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.sagents.codec.EncodedValue;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.StateWrite;
import dev.sagents.persistence.StoredState;
import dev.sagents.process.Arguments;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Agent states in the {@code <prefix>AGENT_STATE} table: one row per agent with its epoch, the
 * state's type name and bytes. A claim raises the epoch (making the row), so a write is always an
 * update, {@code WHERE AGENT_ID = ? AND EPOCH <= ?}, and one that updates no row was refused. The
 * writes of one call go as one JDBC batch: one round trip. Agents claimed together are claimed
 * {@value JdbcEpochs#CLAIM_CHUNK} at a time, each chunk in one transaction: one {@code UPDATE} that
 * returns the rows it raised, and an {@code INSERT} of the agents never claimed before.
 */
public final class JdbcAgentStateStore implements AgentStateStore {

	/**
	 * What a claim of many agents returns of each stored one; in lower case, as PostgreSQL's
	 * driver quotes them (the scripts create them unquoted, which PostgreSQL folds to lower case).
	 */
	private static final String[] CLAIMED_COLUMNS = { "agent_id", "epoch", "state_type", "state_data" };

	private final JdbcTemplate template;

	private final JdbcClient jdbc;

	private final JdbcEpochs epochs;

	private final String select;

	private final String update;


	/**
	 * @param dataSource the application's database, where {@code tables} exist
	 * @param tables the names of the tables
	 */
	public JdbcAgentStateStore(DataSource dataSource, JdbcTables tables) {
		String table = Arguments.notNull(tables, "tables").agentState();
		this.epochs = new JdbcEpochs(Arguments.notNull(dataSource, "dataSource"), table, "AGENT_ID");
		this.template = this.epochs.template();
		this.jdbc = this.epochs.jdbc();
		this.select = "SELECT EPOCH, STATE_TYPE, STATE_DATA FROM " + table + " WHERE AGENT_ID = ?";
		this.update = "UPDATE " + table + " SET STATE_TYPE = ?, STATE_DATA = ?, UPDATED_AT = ? WHERE AGENT_ID = ? AND EPOCH <= ?";
	}

	@Override
	public StoredState claim(String agentId) {
		return JdbcFailures.available("claim agent '" + agentId + "'",
				() -> this.epochs.claim(agentId, () -> select(agentId).orElseThrow()));
	}

	@Override
	public Map<String, StoredState> claimAll(Collection<String> agentIds) {
		return this.epochs.claimAll(agentIds, "agent(s)", CLAIMED_COLUMNS, JdbcAgentStateStore::storedState,
				new StoredState(1, null));
	}

	@Override
	public Optional<StoredState> read(String agentId) {
		return JdbcFailures.available("read the state of agent '" + agentId + "'", () -> select(agentId));
	}

	private Optional<StoredState> select(String agentId) {
		return this.jdbc.sql(this.select).param(agentId).query(JdbcAgentStateStore::storedState).optional();
	}

	@Override
	public boolean[] write(List<StateWrite> writes) {
		if (writes.isEmpty()) {
			return new boolean[0];
		}
		return JdbcFailures.available("store the state of " + writes.size() + " agent(s)", () -> update(writes));
	}

	private boolean[] update(List<StateWrite> writes) {
		Timestamp now = Timestamp.from(Instant.now());
		int[] counts = this.template.batchUpdate(this.update, writes.stream().map((write) -> arguments(write, now)).toList());
		boolean[] written = new boolean[writes.size()];
		for (int i = 0; i < written.length; i++) {
			int count = counts[i];
			if (count == Statement.SUCCESS_NO_INFO) {
				// The driver did not say whether the row matched; the same update again does (it changes nothing more).
				count = this.template.update(this.update, arguments(writes.get(i), now));
			}
			written[i] = count > 0;
		}
		return written;
	}

	private static Object[] arguments(StateWrite write, Timestamp now) {
		return new Object[] { write.state().type(), write.state().data(), now, write.agentId(), write.epoch() };
	}

	private static StoredState storedState(ResultSet row, int rowNumber) throws SQLException {
		String type = row.getString("STATE_TYPE");
		EncodedValue state = (type != null) ? new EncodedValue(type, row.getBytes("STATE_DATA")) : null;
		return new StoredState(row.getLong("EPOCH"), state);
	}

}
