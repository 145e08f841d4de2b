package dev.sagents.codec.shapes;

/**
 * A record with a component declared as an interface that is not sealed: JSON cannot name the
 * class its value has, so no member could create it.
 *
 * @param to whom it is for
 * @param wrapping how it is wrapped
 */
public record Gift(String to, Wrapping wrapping) {

	/** How a gift is wrapped: any class may be one. */
	public interface Wrapping {

	}

	/**
	 * Wrapping paper.
	 *
	 * @param colour its colour
	 */
	public record Paper(String colour) implements Wrapping {

	}

}
