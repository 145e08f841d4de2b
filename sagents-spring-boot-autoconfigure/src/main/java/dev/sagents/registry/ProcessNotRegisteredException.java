package dev.sagents.registry;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;

/** Nothing is registered under the key that was fetched. */
public class ProcessNotRegisteredException extends ProcessNotRunningException {

	public ProcessNotRegisteredException(ProcessKey key) {
		super(key);
	}

}
