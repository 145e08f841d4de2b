package dev.sagents.local;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sagents.local.Envelopes.Call;
import dev.sagents.observation.TraceHeaders;

/**
 * Queues messages in a process's mailbox as they are (not through {@link LocalProcess#accepted}),
 * bounded by its capacity ({@code sagents.agents.mailbox-capacity}), for senders that checked them
 * already: a call made on this node once {@link LocalProcess} checked it, and the calls and casts
 * another member sent (or that were forwarded here), whose messages went through the codec and
 * which are counted where they were made, not here.
 */
public final class Delivery {

	private static final Logger logger = LoggerFactory.getLogger(Delivery.class);

	private Delivery() {
	}

	/**
	 * Queues call {@code message} to {@code process} and completes with the reply, with no timeout
	 * of its own (its sender keeps the timeout, which saves a timer per message). Fails with
	 * {@link dev.sagents.process.MailboxFullException}, counted, if the mailbox is full.
	 */
	public static CompletableFuture<Object> call(LocalProcess process, Object message) {
		CompletableFuture<Object> reply = new CompletableFuture<>();
		if (!process.offer(new Call(message, reply), process.runtime.mailboxCapacity())) {
			RuntimeException refusal = process.runtime.mailboxFull(process.key());
			// Its observation, if it has one, ends with the refusal.
			TracedMessage.ended(message, refusal);
			reply.completeExceptionally(refusal);
		}
		return reply;
	}

	/**
	 * Queues cast {@code message} to {@code process}, its handling observed in the trace of
	 * {@code headers} ({@code null}: one of its own). Never throws: over the capacity the cast is
	 * dropped and counted as refused ({@code sagents.limit.refusals}), for a cast has no reply to
	 * tell its sender.
	 */
	public static void cast(LocalProcess process, Object message, TraceHeaders headers) {
		LocalProcessRuntime runtime = process.runtime;
		if (!process.offer(runtime.queuedCast(process.key(), message, headers), runtime.mailboxCapacity())) {
			runtime.refusedForCapacity(process.key());
			logger.debug("Process {} dropped a cast from another member or sent on to it: its mailbox is full", process.key());
		}
	}

}
