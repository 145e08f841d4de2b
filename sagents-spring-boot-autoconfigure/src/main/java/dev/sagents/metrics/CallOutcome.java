package dev.sagents.metrics;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.sagents.process.CallTimeoutException;

/** How a call ended. */
public enum CallOutcome {

	/** With a reply. */
	SUCCESS("success"),

	/** With an error other than a timeout: a refusal, a crash, a process not running, a lost member. */
	ERROR("error"),

	/** With no reply within its timeout. */
	TIMEOUT("timeout");

	private final String value;

	CallOutcome(String value) {
		this.value = value;
	}

	/** The tag value. */
	public String value() {
		return this.value;
	}

	/** The outcome of a call that ended with {@code error} ({@code null}: with a reply). */
	public static CallOutcome of(Throwable error) {
		Throwable cause = error;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause == null) {
			return SUCCESS;
		}
		return (cause instanceof CallTimeoutException) ? TIMEOUT : ERROR;
	}

}
