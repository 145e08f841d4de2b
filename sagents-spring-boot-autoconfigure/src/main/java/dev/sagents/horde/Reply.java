package dev.sagents.horde;

/**
 * A reply: its outcome and, for {@link Outcome#OK}, the encoded value, else the error's details.
 *
 * @param outcome how the call went
 * @param data the encoded reply or error
 */
record Reply(Outcome outcome, byte[] data) {

	enum Outcome {

		/** Handled; {@code data} is the reply. */
		OK,

		/** The process is not (or no longer) hosted by that member: look it up again and retry. */
		NOT_HERE,

		/** The process is not running. */
		NOT_RUNNING,

		/** The handler crashed; {@code data} describes the error. */
		FAILED,

		/** The request was refused with a typed error; {@code data} describes it. */
		REFUSED,

		/** The process did not answer in time on its member. */
		TIMEOUT,

		/**
		 * The member, draining, handed the process off; {@code data} names the member and node
		 * it went to: call there.
		 */
		MOVED;

		static Outcome of(int ordinal) {
			Outcome[] outcomes = values();
			if (ordinal < 0 || ordinal >= outcomes.length) {
				throw new IllegalArgumentException("Unknown reply outcome " + ordinal);
			}
			return outcomes[ordinal];
		}

	}

}
