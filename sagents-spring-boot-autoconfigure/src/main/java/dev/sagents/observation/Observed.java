package dev.sagents.observation;

/**
 * One started observation of a call or cast (on the caller's side, or on the side that handles
 * it), stopped exactly once. It may be put in scope on any thread, so what runs there (the
 * handler, the calls it makes) belongs to it.
 */
public interface Observed {

	/** Nothing observed: what {@link SagentsObservations#NONE} starts. */
	Observed NONE = new Observed() {

		@Override
		public Scope open() {
			return Scope.NONE;
		}

		@Override
		public void stop(Throwable error) {
		}

	};

	/**
	 * The trace context this observation passes on to the handling of what it sent (a cast's,
	 * wherever it is handled), or {@code null} if none.
	 */
	default TraceHeaders headers() {
		return null;
	}

	/** Puts this observation in scope on the calling thread until the scope is closed. */
	Scope open();

	/** Stops it, failed with {@code error}, or succeeded for {@code null}. */
	void stop(Throwable error);

	/**
	 * Runs {@code action} with this observation in scope, then stops it with the outcome: what it
	 * threw, or success.
	 */
	default <T, E extends Exception> T run(Action<T, E> action) throws E {
		T result;
		try (Scope scope = open()) {
			result = action.run();
		}
		catch (Throwable ex) {
			stop(ex);
			throw ex;
		}
		stop(null);
		return result;
	}

	/** What {@link #run} runs. */
	@FunctionalInterface
	interface Action<T, E extends Exception> {

		T run() throws E;

	}

	/** An observation in scope on one thread. */
	interface Scope extends AutoCloseable {

		/** No scope. */
		Scope NONE = () -> {
		};

		/** Takes the observation out of scope again. */
		@Override
		void close();

	}

}
