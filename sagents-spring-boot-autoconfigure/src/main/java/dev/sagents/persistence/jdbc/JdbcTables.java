package dev.sagents.persistence.jdbc;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of the JDBC store's tables: a prefix, then {@code AGENT_STATE}, {@code FILE_SYSTEM}
 * and {@code FILE}. The prefix goes into SQL as it is, so only a plain identifier is accepted.
 * Needs nothing of Spring JDBC, so that the settings check can use it without it.
 *
 * @param prefix a letter, then letters, digits or {@code _}; at most 30 characters
 */
public record JdbcTables(String prefix) {

	/** The classpath location of the schema scripts, {@code @@platform@@} being {@code postgresql} or {@code h2}. */
	public static final String SCHEMA_LOCATION = "classpath:dev/sagents/persistence/jdbc/schema-@@platform@@.sql";

	/** What the scripts name the prefix. */
	public static final String PREFIX_PLACEHOLDER = "@@prefix@@";

	/** The longest path the {@code FILE} table holds. */
	public static final int MAX_PATH_LENGTH = 1024;

	private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,29}");

	public JdbcTables {
		if (prefix == null || !isValidPrefix(prefix)) {
			throw new IllegalArgumentException("A table prefix is a letter, then letters, digits or '_', at most 30"
					+ " characters, not '" + prefix + "'");
		}
	}

	/** Whether {@code prefix} may prefix the table names. */
	public static boolean isValidPrefix(String prefix) {
		return PREFIX.matcher(prefix).matches();
	}

	/** The agent state table. */
	public String agentState() {
		return this.prefix + "AGENT_STATE";
	}

	/** The file-system epochs table. */
	public String fileSystem() {
		return this.prefix + "FILE_SYSTEM";
	}

	/** The files table. */
	public String file() {
		return this.prefix + "FILE";
	}

	/** Every table, in the order the scripts create them. */
	public List<String> all() {
		return List.of(agentState(), fileSystem(), file());
	}

}
