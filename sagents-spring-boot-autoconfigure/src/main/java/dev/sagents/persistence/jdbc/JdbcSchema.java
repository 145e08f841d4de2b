package dev.sagents.persistence.jdbc;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whether the database has the JDBC store's tables. */
public final class JdbcSchema {

	private JdbcSchema() {
	}

	/**
	 * The tables of {@code tables} the database lacks, by name; empty when every one is there.
	 *
	 * @throws DataAccessException if the database cannot be asked (it is not reachable)
	 */
	public static List<String> missingTables(JdbcClient jdbc, JdbcTables tables) {
		List<String> missing = new ArrayList<>();
		for (String table : tables.all()) {
			try {
				jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").query(Long.class).single();
			}
			catch (BadSqlGrammarException ex) {
				missing.add(table);
			}
		}
		return missing;
	}

}
