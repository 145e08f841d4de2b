package dev.sagents.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The address of a running process: the same whether it runs on this node or on another member.
 * Messages to one process are handled one at a time, in the order each sender sent them.
 *
 * <p>Replies and messages are plain application objects. In horde mode they cross the network
 * through the configured codec, which is why {@link #call(Object, Class, Duration)} names the
 * reply type it expects.
 */
public interface ProcessRef {

	/** The registry key of the process. */
	ProcessKey key();

	/** The name of the node that hosts the process. */
	String node();

	/** Whether the process was running the last time this reference heard of it. */
	boolean isAlive();

	/**
	 * Sends {@code message} and returns the reply. The future fails with
	 * {@link ProcessNotRunningException}, {@link CallTimeoutException} or
	 * {@link ProcessFailedException}; for an agent also with
	 * {@link dev.sagents.codec.MessageEncodingException} when the message, the reply type or the
	 * reply could not travel between members, wherever the agent runs. Stages attached without an executor may run on the thread
	 * that handled the message: attach slow work with an {@code *Async} method.
	 */
	<R> CompletableFuture<R> call(Object message, Class<R> replyType, Duration timeout);

	/**
	 * Sends {@code message}, waits for the reply and returns it. When the process is idle, the
	 * handler runs on the calling thread (the caller waits anyway, so this saves two thread
	 * hand-offs); otherwise the message queues behind the others. Throws the same exceptions as
	 * {@link #call(Object, Class, Duration)} completes with.
	 */
	<R> R callAndWait(Object message, Class<R> replyType, Duration timeout);

	/** Sends {@code message} without waiting for it to be handled; a reply, if any, is dropped. */
	void cast(Object message);

}
