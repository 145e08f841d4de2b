package dev.sagents.process;

/**
 * The check every public entry point of sagents makes of its arguments, so that a {@code null}
 * where a value is required fails at once, naming the argument, instead of as a
 * {@link NullPointerException} somewhere inside.
 */
public final class Arguments {

	private Arguments() {
	}

	/**
	 * {@code value} itself; {@link IllegalArgumentException} "'<name>' must not be null" if it is
	 * {@code null}.
	 *
	 * @param value the argument
	 * @param name the argument's name, as the caller's Javadoc names it
	 */
	public static <T> T notNull(T value, String name) {
		if (value == null) {
			throw new IllegalArgumentException("'" + name + "' must not be null");
		}
		return value;
	}

}
