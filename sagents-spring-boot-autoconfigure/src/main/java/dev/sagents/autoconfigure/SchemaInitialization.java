package dev.sagents.autoconfigure;

/** When the JDBC store's tables are created from the scripts in the jar ({@code sagents.persistence.jdbc.initialize-schema}). */
public enum SchemaInitialization {

	/** Only for an embedded database (such as an in-memory H2). */
	EMBEDDED,

	/** At every startup; the scripts create only what is missing. */
	ALWAYS,

	/** Never: the application creates the tables (from the same scripts, in its migrations). */
	NEVER

}
