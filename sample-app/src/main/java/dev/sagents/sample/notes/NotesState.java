package dev.sagents.sample.notes;

/**
 * What a notes agent remembers between messages (its notes themselves live in the file system).
 *
 * @param handled how many messages the agent has handled
 */
public record NotesState(long handled) {

	/** The state after one more message. */
	NotesState countMessage() {
		return new NotesState(this.handled + 1);
	}

}
