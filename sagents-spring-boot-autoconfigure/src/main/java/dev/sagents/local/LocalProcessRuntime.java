package dev.sagents.local;

import java.util.concurrent.Executor;

/**
 * The node's process host: runs mailboxes on a shared executor and owns one timer thread.
 * (Being written: signatures are final, bodies are not.)
 */
public final class LocalProcessRuntime implements AutoCloseable {

	public LocalProcessRuntime(String node, Executor executor) {
		throw new UnsupportedOperationException("being written");
	}

	public String node() {
		throw new UnsupportedOperationException("being written");
	}

	@Override
	public void close() {
	}

}
