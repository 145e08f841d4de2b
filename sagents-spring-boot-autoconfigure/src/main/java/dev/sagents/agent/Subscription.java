package dev.sagents.agent;

/** A subscription to an agent's events; close it to unsubscribe. */
public interface Subscription extends AutoCloseable {

	/** Stops delivery; events already queued may still arrive. Idempotent. */
	@Override
	void close();

}
