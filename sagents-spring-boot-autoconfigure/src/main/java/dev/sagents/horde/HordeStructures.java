package dev.sagents.horde;

/**
 * The names of the Hazelcast structures sagents keeps, in one place: configure them by these names
 * in a Hazelcast config (e.g. more backups). Every sagents object's name starts with
 * {@code sagents.}, as does the member attribute it reads.
 */
public final class HordeStructures {

	/** The Hazelcast map of agent registrations (id to JSON). */
	public static final String AGENTS_MAP = "sagents.agents";

	/** The Hazelcast map of file-system registrations (scope to JSON). */
	public static final String FILESYSTEMS_MAP = "sagents.filesystems";

	/** The Hazelcast multi-map of the members subscribed to each agent's events. */
	public static final String SUBSCRIPTIONS_MAP = "sagents.subscriptions";

	/** The Hazelcast map of each member's status, written by the member itself. */
	public static final String MEMBERS_MAP = "sagents.members";

	/**
	 * The Hazelcast map of agent states with {@code sagents.persistence.store=hazelcast} (agent id to
	 * its epoch and state), with {@code sagents.persistence.hazelcast.backup-count} backups.
	 */
	public static final String AGENT_STATES_MAP = "sagents.agent-states";

	/**
	 * The Hazelcast map of file-system files with {@code sagents.persistence.store=hazelcast} (scope
	 * to its epoch and files), with {@code sagents.persistence.hazelcast.backup-count} backups.
	 */
	public static final String FILE_SYSTEMS_FILES_MAP = "sagents.file-system-files";

	/** The prefix of each member's inbox topic, which ends with the member's UUID. */
	public static final String INBOX_PREFIX = "sagents.inbox.";

	/**
	 * The Hazelcast member attribute that carries a node's {@code sagents.node-name}, so that every
	 * member shows every other by its name, also one that runs no supervisor. Set on the member
	 * sagents starts and, from a configuration file, on the application's member; on a member of
	 * the application's own {@code Config} or {@code HazelcastInstance} bean, set it there.
	 */
	public static final String NODE_NAME_ATTRIBUTE = "sagents.node-name";

	private HordeStructures() {
	}

}
