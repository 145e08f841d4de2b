package dev.sagents.persistence.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.sagents.filesystem.FileSystemPersistence.StoredFile;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.StaleActivationException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * File-system files in the {@code <prefix>FILE} table, fenced by the scope's epoch in
 * {@code <prefix>FILE_SYSTEM}. A write or delete locks the scope's epoch row
 * ({@code SELECT ... FOR UPDATE}), compares, and changes the file in the same transaction: a
 * claim waits for a write in flight, and no write of an older epoch lands after a newer claim.
 * Scopes claimed together are claimed {@value JdbcEpochs#CLAIM_CHUNK} at a time, each chunk in one
 * transaction: one {@code UPDATE} that returns the epochs it raised, and an {@code INSERT} of the
 * scopes never claimed before.
 */
public final class JdbcFileSystemStore implements FileSystemStore {

	/**
	 * What a claim of many scopes returns of each stored one; in lower case, as PostgreSQL's
	 * driver quotes them (the scripts create them unquoted, which PostgreSQL folds to lower case).
	 */
	private static final String[] CLAIMED_COLUMNS = { "scope", "epoch" };

	private final JdbcEpochs epochs;

	private final JdbcClient jdbc;

	private final JdbcTables tables;

	/**
	 * @param dataSource the application's database, where {@code tables} exist
	 * @param tables the names of the tables
	 */
	public JdbcFileSystemStore(DataSource dataSource, JdbcTables tables) {
		this.tables = Arguments.notNull(tables, "tables");
		this.epochs = new JdbcEpochs(Arguments.notNull(dataSource, "dataSource"), tables.fileSystem(), "SCOPE");
		this.jdbc = this.epochs.jdbc();
	}

	@Override
	public long claim(String scope) {
		return JdbcFailures.available("claim file system '" + scope + "'", () -> this.epochs.claim(scope,
				() -> this.jdbc.sql("SELECT EPOCH FROM " + this.tables.fileSystem() + " WHERE SCOPE = ?")
					.param(scope)
					.query(Long.class)
					.single()));
	}

	@Override
	public Map<String, Long> claimAll(Collection<String> scopes) {
		return this.epochs.claimAll(scopes, "file system(s)", CLAIMED_COLUMNS, (row, number) -> row.getLong("EPOCH"),
				1L);
	}

	@Override
	public void write(String scope, long epoch, String path, byte[] content) {
		Timestamp now = Timestamp.from(Instant.now());
		fenced(scope, epoch, () -> {
			int updated = this.jdbc
				.sql("UPDATE " + this.tables.file() + " SET CONTENT = ?, FILE_SIZE = ?, MODIFIED_AT = ?"
						+ " WHERE SCOPE = ? AND FILE_PATH = ?")
				.params(content, content.length, now, scope, path)
				.update();
			if (updated == 0) {
				this.jdbc
					.sql("INSERT INTO " + this.tables.file()
							+ " (SCOPE, FILE_PATH, CONTENT, FILE_SIZE, MODIFIED_AT) VALUES (?, ?, ?, ?, ?)")
					.params(scope, path, content, content.length, now)
					.update();
			}
		});
	}

	@Override
	public void delete(String scope, long epoch, String path) {
		fenced(scope, epoch, () -> this.jdbc
			.sql("DELETE FROM " + this.tables.file() + " WHERE SCOPE = ? AND FILE_PATH = ?")
			.params(scope, path)
			.update());
	}

	@Override
	public Optional<byte[]> read(String scope, String path) {
		return JdbcFailures.available("read '" + path + "' of file system '" + scope + "'",
				() -> this.jdbc.sql("SELECT CONTENT FROM " + this.tables.file() + " WHERE SCOPE = ? AND FILE_PATH = ?")
					.params(scope, path)
					.query((row, number) -> row.getBytes(1))
					.optional());
	}

	@Override
	public List<StoredFile> list(String scope) {
		return JdbcFailures.available("list the files of file system '" + scope + "'", () -> this.jdbc
			.sql("SELECT FILE_PATH, FILE_SIZE, MODIFIED_AT FROM " + this.tables.file() + " WHERE SCOPE = ?")
			.param(scope)
			.query((row, number) -> new StoredFile(row.getString(1), row.getLong(2), row.getTimestamp(3).toInstant()))
			.list());
	}

	/**
	 * Runs {@code change} in a transaction that holds the scope's epoch row, if the stored epoch is
	 * not newer than {@code epoch}; else changes nothing and throws {@link StaleActivationException}.
	 */
	private void fenced(String scope, long epoch, Runnable change) {
		JdbcFailures.available("change the files of file system '" + scope + "'", () -> this.epochs.inTransaction(() -> {
			Optional<Long> stored = this.jdbc
				.sql("SELECT EPOCH FROM " + this.tables.fileSystem() + " WHERE SCOPE = ? FOR UPDATE")
				.param(scope)
				.query(Long.class)
				.optional();
			if (stored.isEmpty() || stored.get() > epoch) {
				throw new StaleActivationException(ProcessKey.fileSystem(scope), epoch);
			}
			change.run();
			return null;
		}));
	}

}
