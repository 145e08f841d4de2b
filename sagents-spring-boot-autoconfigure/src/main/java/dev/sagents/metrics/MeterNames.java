package dev.sagents.metrics;

/**
 * The names of the {@code sagents.*} meters, in one place for the code that registers them and
 * the code that reads them (the dashboard); docs/operations.md says what each measures.
 */
public final class MeterNames {

	/** Processes this node hosts, by kind. */
	public static final String PROCESSES_HOSTED = "sagents.processes.hosted";

	/** Processes started on this node. */
	public static final String STARTS = "sagents.process.starts";

	/** Processes that ended on this node. */
	public static final String STOPS = "sagents.process.stops";

	/** Crashed processes started again. */
	public static final String RESTARTS = "sagents.process.restarts";

	/** Process crashes and failed starts. */
	public static final String FAILURES = "sagents.process.failures";

	/** Processes given up after too many crashes. */
	public static final String GIVEN_UP = "sagents.process.given.up";

	/** Restarts here of the processes of a member that left. */
	public static final String FAILOVERS = "sagents.failovers";

	/** Processes handed off by this node. */
	public static final String HANDOFFS = "sagents.handoffs";

	/** Registrations this node holds. */
	public static final String REGISTRY_SIZE = "sagents.registry.size";

	/** Members of each sagents instance by status. */
	public static final String MEMBERS = "sagents.members";

	/** Calls made on this node. */
	public static final String CALLS = "sagents.calls";

	/** Casts made on this node. */
	public static final String CASTS = "sagents.casts";

	/** Messages queued in the fullest mailbox of this node. */
	public static final String MAILBOX_DEPTH_MAX = "sagents.mailbox.depth.max";

	/** Messages queued in all mailboxes of this node. */
	public static final String MAILBOX_DEPTH_SUM = "sagents.mailbox.depth.sum";

	/** Sizes of the values the codec encoded to send to another member. */
	public static final String ENCODED_BYTES = "sagents.codec.encoded.bytes";

	/** Calls, casts and replies refused for going over a limit. */
	public static final String LIMIT_REFUSALS = "sagents.limit.refusals";

	private MeterNames() {
	}

}
