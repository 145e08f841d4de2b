-- sagents' JDBC store on H2 (docs/persistence.md). @@prefix@@ is
-- sagents.persistence.jdbc.table-prefix (SAGENTS_ by default): replace it when you run this
-- script yourself. Creates only what is missing.

-- One row per agent: the epoch of its newest activation and its state as the codec wrote it.
CREATE TABLE IF NOT EXISTS @@prefix@@AGENT_STATE (
	AGENT_ID VARCHAR(128) NOT NULL PRIMARY KEY,
	EPOCH BIGINT NOT NULL,
	STATE_TYPE VARCHAR(2000),
	STATE_DATA VARBINARY,
	UPDATED_AT TIMESTAMP WITH TIME ZONE
);

-- One row per file-system scope: the epoch of its newest activation.
CREATE TABLE IF NOT EXISTS @@prefix@@FILE_SYSTEM (
	SCOPE VARCHAR(128) NOT NULL PRIMARY KEY,
	EPOCH BIGINT NOT NULL
);

-- One row per file.
CREATE TABLE IF NOT EXISTS @@prefix@@FILE (
	SCOPE VARCHAR(128) NOT NULL,
	FILE_PATH VARCHAR(1024) NOT NULL,
	CONTENT VARBINARY NOT NULL,
	FILE_SIZE BIGINT NOT NULL,
	MODIFIED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (SCOPE, FILE_PATH)
);
