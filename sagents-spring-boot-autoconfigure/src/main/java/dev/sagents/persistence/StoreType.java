package dev.sagents.persistence;

/** Which built-in store keeps agent state and files ({@code sagents.persistence.store}). */
public enum StoreType {

	/** File systems on disk, not fenced; agent state not kept (unless the application declares a persistence). */
	DISK,

	/** Agent state and files in the application's database, fenced. */
	JDBC,

	/**
	 * Agent state and files in maps of the horde's Hazelcast members, with backups, fenced; horde
	 * mode only. A member's crash loses nothing while a backup lives; a stop of the whole cluster
	 * loses everything.
	 */
	HAZELCAST,

	/** Nothing kept: file systems hold their files in memory while they run. */
	NONE

}
