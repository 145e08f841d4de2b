package dev.sagents.codec.notes;

/** How urgent a note is; {@link #HIGH} has a body, so its class is not {@code Priority} itself. */
public enum Priority {

	/** Whenever. */
	LOW,

	/** Now. */
	HIGH {

		@Override
		public String label() {
			return "urgent";
		}

	};

	/** How the priority is shown. */
	public String label() {
		return name().toLowerCase();
	}

}
