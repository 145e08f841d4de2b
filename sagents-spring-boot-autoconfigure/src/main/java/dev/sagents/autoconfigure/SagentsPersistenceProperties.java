package dev.sagents.autoconfigure;

import java.time.Duration;

import dev.sagents.persistence.StoreType;
import dev.sagents.persistence.WriteMode;
import dev.sagents.persistence.disk.DiskFileSystemStore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where agent state and file-system files are kept ({@code sagents.persistence.*}); see
 * docs/persistence.md. Checked at startup with the other settings ({@link SagentsSettingsCheck}).
 */
@ConfigurationProperties("sagents.persistence")
public class SagentsPersistenceProperties {

	/**
	 * Which store keeps agent state and files: 'disk' (file systems under
	 * sagents.filesystem.base-directory; agent state is not kept), 'jdbc' (both in the
	 * application's DataSource, fenced: a stale activation's writes are refused), 'hazelcast' (both
	 * in maps of the horde's Hazelcast members, with backups, fenced; only with
	 * sagents.distribution=horde; a stop of the whole cluster loses them) or 'none' (nothing is
	 * kept; files live in memory while their file system runs). An AgentPersistence or FileSystemPersistence bean of the
	 * application wins over the store (without fencing), an AgentStateStore or FileSystemStore
	 * bean replaces it (with fencing).
	 */
	private StoreType store = StoreType.DISK;

	/**
	 * When a changed agent state reaches the store: 'write-through' (the reply leaves once the
	 * state is stored; a crash loses no acknowledged change) or 'coalesced' (the reply leaves at
	 * once; the latest state of each agent is stored within coalesce-delay, so a crash loses up to
	 * that much; stops and handoffs store synchronously).
	 */
	private WriteMode writeMode = WriteMode.WRITE_THROUGH;

	/** With write-mode 'coalesced': how long a changed state may wait before it is stored. */
	private Duration coalesceDelay = Duration.ofMillis(100);

	/**
	 * The largest agent state a store accepts, as the codec writes it. A larger one is refused
	 * with StateTooLargeException: the call fails and the agent keeps its previous state.
	 */
	private DataSize maxStateSize = DataSize.ofMegabytes(1);

	/** The JDBC store. */
	private final Jdbc jdbc = new Jdbc();

	/** The Hazelcast store. */
	private final Hazelcast hazelcast = new Hazelcast();

	/** The disk store. */
	private final Disk disk = new Disk();

	/** Which store keeps agent state and files. */
	public StoreType getStore() {
		return this.store;
	}

	/** Sets which store keeps agent state and files. */
	public void setStore(StoreType store) {
		this.store = store;
	}

	/** When a changed agent state reaches the store. */
	public WriteMode getWriteMode() {
		return this.writeMode;
	}

	/** Sets when a changed agent state reaches the store. */
	public void setWriteMode(WriteMode writeMode) {
		this.writeMode = writeMode;
	}

	/** How long a coalesced state may wait before it is stored. */
	public Duration getCoalesceDelay() {
		return this.coalesceDelay;
	}

	/** Sets how long a coalesced state may wait before it is stored. */
	public void setCoalesceDelay(Duration coalesceDelay) {
		this.coalesceDelay = coalesceDelay;
	}

	/** The largest agent state accepted. */
	public DataSize getMaxStateSize() {
		return this.maxStateSize;
	}

	/** Sets the largest agent state accepted. */
	public void setMaxStateSize(DataSize maxStateSize) {
		this.maxStateSize = maxStateSize;
	}

	/** The JDBC store's settings. */
	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/** The Hazelcast store's settings. */
	public Hazelcast getHazelcast() {
		return this.hazelcast;
	}

	/** The disk store's settings. */
	public Disk getDisk() {
		return this.disk;
	}

	/** {@code sagents.persistence.jdbc.*}. */
	public static class Jdbc {

		/** The table prefix when none is set. */
		public static final String DEFAULT_TABLE_PREFIX = "SAGENTS_";

		/**
		 * When the tables are created from the scripts in the jar
		 * (classpath:dev/sagents/persistence/jdbc/schema-<platform>.sql, for postgresql and h2):
		 * 'embedded' (only in an embedded database, such as an in-memory H2), 'always' (at every
		 * startup; the scripts create only what is missing) or 'never' (the application creates
		 * them, from the same scripts, in its own migrations).
		 */
		private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

		/**
		 * Prefix of the table names: <prefix>AGENT_STATE, <prefix>FILE_SYSTEM and <prefix>FILE.
		 * A letter, then letters, digits or '_', at most 30 characters.
		 */
		private String tablePrefix = DEFAULT_TABLE_PREFIX;

		/** When the tables are created. */
		public SchemaInitialization getInitializeSchema() {
			return this.initializeSchema;
		}

		/** Sets when the tables are created. */
		public void setInitializeSchema(SchemaInitialization initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		/** The prefix of the table names. */
		public String getTablePrefix() {
			return this.tablePrefix;
		}

		/** Sets the prefix of the table names. */
		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

	}

	/** {@code sagents.persistence.hazelcast.*}. */
	public static class Hazelcast {

		/**
		 * How many other members keep a copy of each stored state and file system (0 to 6):
		 * synchronous backups, so a write-through reply leaves once its change has them. A crash
		 * of up to this many members at once loses nothing.
		 */
		private int backupCount = 1;

		/** How many other members keep a copy of each entry. */
		public int getBackupCount() {
			return this.backupCount;
		}

		/** Sets how many other members keep a copy of each entry. */
		public void setBackupCount(int backupCount) {
			this.backupCount = backupCount;
		}

	}

	/** {@code sagents.persistence.disk.*}. */
	public static class Disk {

		/**
		 * How long a claim, write or delete of a file system waits for its scope's lock, which
		 * another JVM sharing the directory may hold (one paused while it held it holds it until it
		 * resumes or dies). Past it the claim, write or delete fails with
		 * PersistenceUnavailableException and changes nothing.
		 */
		private Duration lockTimeout = DiskFileSystemStore.DEFAULT_LOCK_TIMEOUT;

		/** How long a scope's lock is waited for. */
		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		/** Sets how long a scope's lock is waited for. */
		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

	}

}
