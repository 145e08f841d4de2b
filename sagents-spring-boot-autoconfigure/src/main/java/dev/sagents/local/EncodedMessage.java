package dev.sagents.local;

import java.util.function.Supplier;

/**
 * A message that arrived in its wire form, for a process of this node. The process decodes it on
 * its own thread, just before handling it, so that the thread that received it (in horde mode a
 * Hazelcast event thread, which serves every message from one member in turn) only hands it on.
 * A message that cannot be decoded fails its call, or is dropped if it was cast; the process goes on.
 */
public final class EncodedMessage {

	private final Supplier<Object> decoder;

	private Object decoded;

	/** @param decoder turns the received bytes into the message; may throw if they are not one */
	public EncodedMessage(Supplier<Object> decoder) {
		this.decoder = decoder;
	}

	Object decode() {
		this.decoded = this.decoder.get();
		return this.decoded;
	}

	/**
	 * The message, once the process decoded it: read it after the call's reply completed, which
	 * makes it visible.
	 */
	public Object decoded() {
		return this.decoded;
	}

}
