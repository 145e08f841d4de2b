package dev.sagents.codec.shapes;

/**
 * A record with a component declared as a sealed interface that permits a non-sealed one, which
 * any class may implement: the classes its value may have are no closed set.
 *
 * @param fee what it charges
 */
public record Invoice(Fee fee) {

	/** A fee. */
	public sealed interface Fee permits Flat, Custom {

	}

	/**
	 * A flat fee.
	 *
	 * @param cents how much
	 */
	public record Flat(long cents) implements Fee {

	}

	/** A fee of the application's making. */
	public non-sealed interface Custom extends Fee {

	}

}
