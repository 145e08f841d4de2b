package dev.sagents.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The address of a running process: the same whether it runs on this node or on another member.
 * Messages to one process are handled one at a time, in the order each sender sent them.
 *
 * <p>Replies and messages are plain application objects. In horde mode they cross the network
 * through the configured codec, which is why {@link #call(Object, Class, Duration)} names the
 * reply type it expects. A call that names no timeout waits {@link #callTimeout()}.
 *
 * <p>Every argument is required: {@code null} fails with {@link IllegalArgumentException} naming it.
 */
public interface ProcessRef {

	/** The registry key of the process. */
	ProcessKey key();

	/** The name of the node that hosts the process. */
	String node();

	/** Whether the process was running the last time this reference heard of it. */
	boolean isAlive();

	/**
	 * How long a call that names no timeout waits for its reply: {@code sagents.agents.call-timeout}
	 * for an agent, {@code sagents.filesystem.call-timeout} for a file system (30 s unless set).
	 */
	Duration callTimeout();

	/**
	 * Sends {@code message} and returns the reply. The future fails with
	 * {@link ProcessNotRunningException}, {@link CallTimeoutException} or
	 * {@link ProcessFailedException}; for an agent also with
	 * {@link dev.sagents.codec.MessageEncodingException} when the message, the reply type or the
	 * reply could not travel between members, wherever the agent runs. Stages attached without an executor may run on the thread
	 * that handled the message: attach slow work with an {@code *Async} method.
	 */
	<R> CompletableFuture<R> call(Object message, Class<R> replyType, Duration timeout);

	/** {@link #call(Object, Class, Duration)} within {@link #callTimeout()}. */
	default <R> CompletableFuture<R> call(Object message, Class<R> replyType) {
		return call(message, replyType, callTimeout());
	}

	/**
	 * Sends {@code message}, waits for the reply and returns it. When the process is idle, the
	 * handler runs on the calling thread (the caller waits anyway, so this saves two thread
	 * hand-offs); otherwise the message queues behind the others. Throws the same exceptions as
	 * {@link #call(Object, Class, Duration)} completes with.
	 */
	<R> R callAndWait(Object message, Class<R> replyType, Duration timeout);

	/** {@link #callAndWait(Object, Class, Duration)} within {@link #callTimeout()}. */
	default <R> R callAndWait(Object message, Class<R> replyType) {
		return callAndWait(message, replyType, callTimeout());
	}

	/** Sends {@code message} without waiting for it to be handled; a reply, if any, is dropped. */
	void cast(Object message);

}
