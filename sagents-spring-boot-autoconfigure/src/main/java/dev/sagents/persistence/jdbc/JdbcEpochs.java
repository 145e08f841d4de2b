package dev.sagents.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One epoch table of the JDBC store (agents or file systems) and the database access the store
 * shares with it. A claim raises a key's epoch by one, or starts it at 1 with a new row, in a
 * transaction that then reads back what the claim returns. Two first claims of one key at once
 * both find no row; the one whose insert loses claims again. Many keys are claimed together the
 * same way, {@value #CLAIM_CHUNK} at a time, a few statements for each chunk.
 */
final class JdbcEpochs {

	/** How many keys one transaction of {@link #claimAll} claims at most. */
	static final int CLAIM_CHUNK = 500;

	/** How often a claim that lost a first insert to another is made again. */
	private static final int ATTEMPTS = 3;

	private final JdbcTemplate template;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final String table;

	private final String keyColumn;

	JdbcEpochs(DataSource dataSource, String table, String keyColumn) {
		this.template = new JdbcTemplate(dataSource);
		this.jdbc = JdbcClient.create(this.template);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.table = table;
		this.keyColumn = keyColumn;
	}

	/** The template of the store's database, for batches. */
	JdbcTemplate template() {
		return this.template;
	}

	/** The client of the store's database. */
	JdbcClient jdbc() {
		return this.jdbc;
	}

	/** Runs {@code work} in one transaction of the store's database. */
	<T> T inTransaction(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	/**
	 * Claims every one of {@code keys} (each once, however often named), {@value #CLAIM_CHUNK} at
	 * a time, each chunk as {@link #claimChunk} does.
	 *
	 * @param what what the keys are, for the message of a failure: "agent(s)", "file system(s)"
	 * @return what was claimed, by key
	 */
	<T> Map<String, T> claimAll(Collection<String> keys, String what, String[] columns, RowMapper<T> raised, T first) {
		// Each key once: a chunk inserts the keys it lacks, and a key twice would be a duplicate key.
		List<String> unique = List.copyOf(new LinkedHashSet<>(keys));
		Map<String, T> claimed = new HashMap<>();
		for (int from = 0; from < unique.size(); from += CLAIM_CHUNK) {
			List<String> chunk = unique.subList(from, Math.min(unique.size(), from + CLAIM_CHUNK));
			claimed.putAll(JdbcFailures.available("claim " + chunk.size() + " " + what,
					() -> claimChunk(chunk, columns, raised, first)));
		}
		return claimed;
	}

	/**
	 * Claims every one of {@code keys} in one transaction of two statements at most, whatever
	 * their number: one {@code UPDATE} that raises the stored ones and returns their rows'
	 * {@code columns} (as generated keys), read by {@code raised}, then one batch that inserts
	 * the others at epoch 1, which {@code first} stands for. A key inserted meanwhile by another
	 * claim makes the insert fail, and the whole claim is made again.
	 */
	private <T> Map<String, T> claimChunk(List<String> keys, String[] columns, RowMapper<T> raised, T first) {
		return claim(() -> {
			Map<String, T> claimed = raiseAll(keys, columns, raised);
			List<Object[]> firsts = new ArrayList<>();
			for (String key : keys) {
				if (!claimed.containsKey(key)) {
					firsts.add(new Object[] { key });
					claimed.put(key, first);
				}
			}
			if (!firsts.isEmpty()) {
				this.template.batchUpdate("INSERT INTO " + this.table + " (" + this.keyColumn + ", EPOCH) VALUES (?, 1)",
						firsts);
			}
			return claimed;
		});
	}

	/** Raises the epochs of the stored ones of {@code keys}; returns their rows as {@code raised} reads them, by key. */
	private <T> Map<String, T> raiseAll(List<String> keys, String[] columns, RowMapper<T> raised) {
		String sql = "UPDATE " + this.table + " SET EPOCH = EPOCH + 1" + whereKeyIn(keys);
		return this.template.execute((ConnectionCallback<Map<String, T>>) (Connection connection) -> {
			try (PreparedStatement update = connection.prepareStatement(sql, columns)) {
				bindKeys(update, keys);
				int updated = update.executeUpdate();
				Map<String, T> rows;
				try (ResultSet row = update.getGeneratedKeys()) {
					rows = read(row, raised);
				}
				// A database whose UPDATE returns only generated keys (MySQL, MariaDB, SQL Server):
				// the raised rows read back in the same transaction, which holds them.
				return (rows.size() == updated) ? rows : readBack(connection, keys, columns, raised);
			}
		});
	}

	private <T> Map<String, T> readBack(Connection connection, List<String> keys, String[] columns,
			RowMapper<T> raised) throws SQLException {
		String sql = "SELECT " + String.join(", ", columns) + " FROM " + this.table + whereKeyIn(keys);
		try (PreparedStatement select = connection.prepareStatement(sql)) {
			bindKeys(select, keys);
			try (ResultSet row = select.executeQuery()) {
				return read(row, raised);
			}
		}
	}

	private String whereKeyIn(List<String> keys) {
		return " WHERE " + this.keyColumn + " IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
	}

	private static void bindKeys(PreparedStatement statement, List<String> keys) throws SQLException {
		for (int i = 0; i < keys.size(); i++) {
			statement.setString(i + 1, keys.get(i));
		}
	}

	private <T> Map<String, T> read(ResultSet row, RowMapper<T> raised) throws SQLException {
		Map<String, T> rows = new HashMap<>();
		for (int number = 0; row.next(); number++) {
			rows.put(row.getString(this.keyColumn), raised.mapRow(row, number));
		}
		return rows;
	}

	/** Claims {@code key}, then returns {@code readBack} in the same transaction, which holds the row. */
	<T> T claim(String key, Supplier<T> readBack) {
		return claim(() -> {
			raise(key);
			return readBack.get();
		});
	}

	/** Runs {@code claim} in a transaction, again if its first insert lost to another's. */
	private <T> T claim(Supplier<T> claim) {
		for (int attempt = 1;; attempt++) {
			try {
				return inTransaction(claim);
			}
			catch (DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private void raise(String key) {
		int raised = this.jdbc.sql("UPDATE " + this.table + " SET EPOCH = EPOCH + 1 WHERE " + this.keyColumn + " = ?")
			.param(key)
			.update();
		if (raised == 0) {
			this.jdbc.sql("INSERT INTO " + this.table + " (" + this.keyColumn + ", EPOCH) VALUES (?, 1)")
				.param(key)
				.update();
		}
	}

}
