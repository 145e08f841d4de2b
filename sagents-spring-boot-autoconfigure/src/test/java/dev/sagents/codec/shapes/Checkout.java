package dev.sagents.codec.shapes;

import java.util.List;

/**
 * A record whose components are declared as a sealed interface: each value travels under its
 * class name, one of those the interface permits.
 *
 * @param id its id
 * @param payment how it is paid
 * @param earlier the payments tried before
 */
public record Checkout(String id, Payment payment, List<Payment> earlier) {

	/** A payment: one of a closed set of classes. */
	public sealed interface Payment permits Card, Cash, Waiver {

	}

	/**
	 * A card payment.
	 *
	 * @param number the card's number
	 */
	public record Card(String number) implements Payment {

	}

	/**
	 * A cash payment.
	 *
	 * @param cents how much
	 */
	public record Cash(long cents) implements Payment {

	}

	/** No payment, for a reason. */
	public enum Waiver implements Payment {

		/** For staff. */
		STAFF

	}

}
