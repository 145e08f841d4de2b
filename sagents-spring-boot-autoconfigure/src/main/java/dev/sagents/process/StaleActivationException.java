package dev.sagents.process;

/**
 * A write of a process's state was refused because a newer activation of the same process has
 * claimed it since this one started (it moved to another node, or was started twice across a
 * network split, while this one was paused or cut off). The newer state stays; this activation
 * stops with {@link dev.sagents.supervisor.ExitReason#STALE} and does not persist on its way out.
 */
public class StaleActivationException extends SagentsException {

	private final ProcessKey key;

	private final long epoch;

	/**
	 * @param key the process whose write was refused
	 * @param epoch the epoch of the activation that tried to write
	 */
	public StaleActivationException(ProcessKey key, long epoch) {
		super("A newer activation of '" + key + "' has claimed its state since this one (epoch " + epoch
				+ ") started; its write was refused and it stops");
		this.key = key;
		this.epoch = epoch;
	}

	/** The process whose write was refused. */
	public ProcessKey key() {
		return this.key;
	}

	/** The epoch of the activation that tried to write. */
	public long epoch() {
		return this.epoch;
	}

}
