package dev.sagents.cluster;

import dev.sagents.process.ProcessKey;
import dev.sagents.process.SagentsException;

/** No member may host processes right now (none runs the sagents supervisor, or all are leaving). */
public class NoHostAvailableException extends SagentsException {

	private final ProcessKey key;

	public NoHostAvailableException(ProcessKey key) {
		super("No sagents member can host '" + key + "': no member is alive");
		this.key = key;
	}

	public ProcessKey key() {
		return this.key;
	}

}
