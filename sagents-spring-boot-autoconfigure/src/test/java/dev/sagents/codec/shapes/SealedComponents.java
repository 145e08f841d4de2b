package dev.sagents.codec.shapes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Records whose components are declared as sealed types, each of one kind the codec treats apart:
 * one that names its own classes, one that permits another sealed interface, one that permits an
 * enum with a body, and sealed classes that are not abstract, one of them named by the application.
 */
public final class SealedComponents {

	private SealedComponents() {
	}

	/**
	 * A component declared as a sealed interface whose JSON names its classes by the names listed,
	 * one of them non-sealed.
	 *
	 * @param tariff what it charges
	 */
	public record Plan(Tariff tariff) {
	}

	/** A tariff: its own annotations say how its JSON names its classes. */
	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
	@JsonSubTypes({ @JsonSubTypes.Type(value = Fixed.class, name = "fixed"),
			@JsonSubTypes.Type(value = Metered.class, name = "metered") })
	public sealed interface Tariff permits Fixed, Open {

	}

	/**
	 * A fixed tariff.
	 *
	 * @param cents how much
	 */
	public record Fixed(long cents) implements Tariff {
	}

	/** A tariff any class may implement. */
	public non-sealed interface Open extends Tariff {

	}

	/**
	 * A metered tariff.
	 *
	 * @param rate cents per unit
	 */
	public record Metered(int rate) implements Open {
	}

	/**
	 * A component declared as a sealed interface that permits another sealed interface.
	 *
	 * @param leg how it goes
	 */
	public record Route(Leg leg) {
	}

	/** A leg of a route. */
	public sealed interface Leg permits Walk, Ride {

	}

	/**
	 * On foot.
	 *
	 * @param metres how far
	 */
	public record Walk(int metres) implements Leg {
	}

	/** A leg on a vehicle: a closed set of its own. */
	public sealed interface Ride extends Leg permits Bus {

	}

	/**
	 * By bus.
	 *
	 * @param line which bus
	 */
	public record Bus(String line) implements Ride {
	}

	/**
	 * A component declared as a sealed interface that permits an enum with a body.
	 *
	 * @param signal what it shows
	 */
	public record Crossing(Signal signal) {
	}

	/** A signal. */
	public sealed interface Signal permits Light {

	}

	/** A traffic light; {@link #RED} has a body, so the enum is sealed rather than final. */
	public enum Light implements Signal {

		/** Stop. */
		RED {

			@Override
			public boolean stops() {
				return true;
			}

		},

		/** Go. */
		GREEN;

		/** Whether traffic stops. */
		public boolean stops() {
			return false;
		}

	}

	/**
	 * A fare: a sealed class that is not abstract, so a value may be of the class itself.
	 */
	public static sealed class Fare permits Reduced {

		private final long cents;

		/** @param cents how much */
		@JsonCreator
		public Fare(@JsonProperty("cents") long cents) {
			this.cents = cents;
		}

		/** How much. */
		public long getCents() {
			return this.cents;
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass() && ((Fare) other).cents == this.cents;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.cents);
		}

		@Override
		public String toString() {
			return getClass().getSimpleName() + "(" + this.cents + ")";
		}

	}

	/** A reduced fare. */
	public static final class Reduced extends Fare {

		/** @param cents how much */
		@JsonCreator
		public Reduced(@JsonProperty("cents") long cents) {
			super(cents);
		}

	}

	/**
	 * A component declared as a sealed class, not abstract, that permits a non-sealed class.
	 *
	 * @param seat where it is
	 */
	public record Booking(Seat seat) {
	}

	/** A seat. */
	public static sealed class Seat permits Aisle {

	}

	/** An aisle seat: any class may extend it. */
	public static non-sealed class Aisle extends Seat {

	}

	/**
	 * A pass: a sealed class that is not abstract and whose JSON name the application gives.
	 *
	 * @param days how long it lasts
	 */
	@JsonTypeName("pass")
	public static sealed class Pass permits Weekly {

		private final int days;

		/** @param days how long it lasts */
		@JsonCreator
		public Pass(@JsonProperty("days") int days) {
			this.days = days;
		}

		/** How long it lasts. */
		public int getDays() {
			return this.days;
		}

		@Override
		public boolean equals(Object other) {
			return other != null && other.getClass() == getClass() && ((Pass) other).days == this.days;
		}

		@Override
		public int hashCode() {
			return this.days;
		}

	}

	/** A weekly pass. */
	public static final class Weekly extends Pass {

		/** Seven days. */
		public Weekly() {
			super(7);
		}

	}

}
