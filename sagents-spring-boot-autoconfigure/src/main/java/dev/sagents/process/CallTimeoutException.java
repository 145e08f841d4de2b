package dev.sagents.process;

import java.time.Duration;

/**
 * A call got no reply within its timeout. The message may still be handled later: a timeout
 * bounds the wait, it does not cancel the work.
 */
public class CallTimeoutException extends SagentsException {

	private final ProcessKey key;

	private final Duration timeout;

	public CallTimeoutException(ProcessKey key, Duration timeout) {
		super("Call to '" + key + "' got no reply within " + timeout.toMillis() + " ms");
		this.key = key;
		this.timeout = timeout;
	}

	public ProcessKey key() {
		return this.key;
	}

	public Duration timeout() {
		return this.timeout;
	}

}
