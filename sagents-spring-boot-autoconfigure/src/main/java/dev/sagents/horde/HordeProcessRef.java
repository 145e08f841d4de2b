package dev.sagents.horde;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessRef;

/**
 * A process hosted on another member (as far as this node knew when it looked). Calls go to that
 * member; if the process moved meanwhile, the node's {@link ProcessCalls} look it up again and
 * follow it, so a reference stays good across restarts and handoffs.
 */
class HordeProcessRef implements ProcessRef {

	private final ProcessCalls calls;

	private final ProcessKey key;

	private volatile String host;

	private volatile String hostNode;

	private volatile boolean alive = true;

	private final Duration callTimeout;

	/** @param callTimeout how long a call that names no timeout waits, from the settings of its kind */
	HordeProcessRef(ProcessCalls calls, ProcessKey key, String host, String hostNode, Duration callTimeout) {
		this.calls = calls;
		this.key = key;
		this.host = host;
		this.hostNode = hostNode;
		this.callTimeout = callTimeout;
	}

	@Override
	public ProcessKey key() {
		return this.key;
	}

	@Override
	public String node() {
		return this.hostNode;
	}

	@Override
	public boolean isAlive() {
		return this.alive;
	}

	@Override
	public Duration callTimeout() {
		return this.callTimeout;
	}

	@Override
	public <R> CompletableFuture<R> call(Object message, Class<R> replyType, Duration timeout) {
		Arguments.notNull(message, "message");
		Arguments.notNull(replyType, "replyType");
		return this.calls.call(this, message, replyType, Arguments.notNull(timeout, "timeout"))
			.thenApply(replyType::cast);
	}

	@Override
	public <R> R callAndWait(Object message, Class<R> replyType, Duration timeout) {
		Arguments.notNull(message, "message");
		Arguments.notNull(replyType, "replyType");
		return replyType.cast(this.calls.callAndWait(this, message, replyType, Arguments.notNull(timeout, "timeout")));
	}

	@Override
	public void cast(Object message) {
		this.calls.cast(this, Arguments.notNull(message, "message"));
	}

	String host() {
		return this.host;
	}

	/** Follows the process to where the registry says it runs now. */
	void movedTo(String newHost, String newHostNode) {
		this.host = newHost;
		this.hostNode = newHostNode;
		this.alive = true;
	}

	void ended() {
		this.alive = false;
	}

	ProcessCalls calls() {
		return this.calls;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.key + "@" + this.hostNode + "]";
	}

}
