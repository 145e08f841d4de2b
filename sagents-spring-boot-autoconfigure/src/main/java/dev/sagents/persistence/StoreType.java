package dev.sagents.persistence;

/** Which built-in store keeps agent state and files ({@code sagents.persistence.store}). */
public enum StoreType {

	/** File systems on disk, not fenced; agent state not kept (unless the application declares a persistence). */
	DISK,

	/** Agent state and files in the application's database, fenced. */
	JDBC,

	/** Nothing kept: file systems hold their files in memory while they run. */
	NONE

}
