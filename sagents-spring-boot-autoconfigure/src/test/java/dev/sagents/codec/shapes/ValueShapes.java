package dev.sagents.codec.shapes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dev.sagents.agent.AgentEvent;
import dev.sagents.codec.notes.Note;
import dev.sagents.codec.notes.Priority;
import dev.sagents.codec.untrusted.Coupon;

/**
 * The shapes of values an agent can take or give, for tests that check each crosses members equal
 * or is refused alike: trust {@code dev.sagents.codec.notes} and {@code dev.sagents.codec.shapes}.
 */
public final class ValueShapes {

	private static final Instant CREATED = Instant.parse("2026-11-27T09:15:30.123456789Z");

	/** A note that equals its decoded copy (it has no attachment, whose bytes a record compares by identity). */
	public static final Note NOTE = new Note("Groceries", List.of("home", "weekly"), null, Priority.HIGH, CREATED);

	private static final Note OTHER = new Note("Taxes", List.of(), null, Priority.LOW, CREATED.plusSeconds(60));

	private ValueShapes() {
	}

	/**
	 * A value that travels.
	 *
	 * @param name what it shows
	 * @param value the value
	 * @param typeName the name it travels under
	 * @param declared a type a caller would ask for it as, which it arrives as an instance of
	 */
	public record Travelling(String name, Object value, String typeName, Class<?> declared) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * A value that is refused.
	 *
	 * @param name what it shows
	 * @param value the value
	 * @param type the type the refusal names: the value's class, or that of the element that
	 * cannot travel
	 * @param reason what the refusal's message says
	 */
	public record Refused(String name, Object value, String type, String reason) {

		/** A value refused under the name of its own class. */
		public Refused(String name, Object value, String reason) {
			this(name, value, value.getClass().getName(), reason);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** Values that cross members and arrive equal. */
	public static List<Travelling> travelling() {
		String note = Note.class.getName();
		return List.of(new Travelling("record", NOTE, note, Note.class),
				new Travelling("enum constant with a body", Priority.HIGH, Priority.class.getName(), Priority.class),
				new Travelling("record with generic components", new Labelled("l", Map.of("home", List.of(NOTE)),
						new Box<>(OTHER)), Labelled.class.getName(), Labelled.class),
				new Travelling("record with sealed components", new Checkout("c-1", new Checkout.Card("4111"),
						List.of(new Checkout.Cash(500), Checkout.Waiver.STAFF)), Checkout.class.getName(), Checkout.class),
				new Travelling("top-level list", List.of(NOTE, OTHER), "java.util.List<" + note + ">", List.class),
				new Travelling("empty list", List.of(), "java.util.List<?>", List.class),
				new Travelling("list of nulls", Arrays.asList(null, null), "java.util.List<?>", List.class),
				new Travelling("list of longs", List.of(1L, 2L), "java.util.List<java.lang.Long>", List.class),
				new Travelling("nested lists", List.of(List.of(1, 2), List.of()),
						"java.util.List<java.util.List<java.lang.Integer>>", List.class),
				new Travelling("set of enums", new LinkedHashSet<>(List.of(Priority.LOW, Priority.HIGH)),
						"java.util.Set<" + Priority.class.getName() + ">", Set.class),
				new Travelling("sorted set", new TreeSet<>(Set.of("b", "a")), "java.util.SortedSet<java.lang.String>",
						SortedSet.class),
				new Travelling("map of records", Map.of("top", NOTE), "java.util.Map<java.lang.String," + note + ">", Map.class),
				new Travelling("map of enums to lists", Map.of(Priority.LOW, List.of(NOTE)),
						"java.util.Map<" + Priority.class.getName() + ",java.util.List<" + note + ">>", Map.class),
				new Travelling("sorted map", new TreeMap<>(Map.of(2, "b", 1, "a")),
						"java.util.SortedMap<java.lang.Integer,java.lang.String>", SortedMap.class),
				new Travelling("map of dates", Map.of(LocalDate.of(2026, 2, 28), Instant.EPOCH),
						"java.util.Map<java.time.LocalDate,java.time.Instant>", Map.class),
				new Travelling("optional", Optional.of(NOTE), "java.util.Optional<" + note + ">", Optional.class),
				new Travelling("empty optional", Optional.empty(), "java.util.Optional<?>", Optional.class),
				new Travelling("list of optionals", List.of(Optional.of(1), Optional.empty()),
						"java.util.List<java.util.Optional<java.lang.Integer>>", List.class),
				new Travelling("string", "hello", "java.lang.String", String.class),
				new Travelling("long", 42L, "java.lang.Long", Long.class),
				new Travelling("character", 'x', "java.lang.Character", Character.class),
				new Travelling("big decimal", new BigDecimal("12.50"), "java.math.BigDecimal", BigDecimal.class),
				new Travelling("big integer", new BigInteger("123456789012345678901234567890"), "java.math.BigInteger",
						BigInteger.class),
				new Travelling("uuid", UUID.fromString("6f1c1f5e-8d3a-4c1e-9d7e-2b7f3a1c9e01"), "java.util.UUID", UUID.class),
				new Travelling("int array", new int[] { 1, 2, 3 }, "int[]", int[].class),
				new Travelling("long matrix", new long[][] { { 1 }, { 2, 3 } }, "long[][]", long[][].class),
				new Travelling("bytes", new byte[] { 1, 2 }, "[B", byte[].class),
				new Travelling("byte matrix", new byte[][] { { 1 }, { 2 } }, "byte[][]", byte[][].class),
				new Travelling("string array", new String[] { "a", null }, "java.lang.String[]", String[].class),
				new Travelling("record array", new Note[] { NOTE }, note + "[]", Note[].class),
				new Travelling("zoned date-time", ZonedDateTime.of(2026, 3, 1, 10, 30, 0, 5, ZoneId.of("Europe/Paris")),
						"java.time.ZonedDateTime", ZonedDateTime.class),
				new Travelling("offset date-time", OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.ofHours(5)),
						"java.time.OffsetDateTime", OffsetDateTime.class),
				new Travelling("instant", CREATED, "java.time.Instant", Instant.class),
				new Travelling("duration", Duration.ofMillis(1500), "java.time.Duration", Duration.class),
				new Travelling("period", Period.of(1, 2, 3), "java.time.Period", Period.class),
				new Travelling("local date", LocalDate.of(2024, 2, 29), "java.time.LocalDate", LocalDate.class),
				new Travelling("local time", LocalTime.of(1, 2, 3, 4), "java.time.LocalTime", LocalTime.class),
				new Travelling("local date-time", LocalDateTime.of(2024, 1, 1, 1, 1, 1, 1), "java.time.LocalDateTime",
						LocalDateTime.class),
				new Travelling("zone id", ZoneId.of("Europe/Paris"), "java.time.ZoneId", ZoneId.class),
				new Travelling("day of week", DayOfWeek.FRIDAY, "java.time.DayOfWeek", DayOfWeek.class),

				new Travelling("record that holds records of its kind",
						new Components.Tree("root", List.of(new Components.Tree("leaf", List.of()))),
						Components.Tree.class.getName(), Components.Tree.class),
				new Travelling("record with a list class of its own", new Components.Tagged(tags("a", "b")),
						Components.Tagged.class.getName(), Components.Tagged.class),
				new Travelling("record with an Object component whose JSON names its type",
						new Components.Annotated(NOTE), Components.Annotated.class.getName(), Components.Annotated.class),
				new Travelling("record with a list of whatever extends a record",
						new Components.BoundedWildcard(List.of(NOTE)), Components.BoundedWildcard.class.getName(), Components.BoundedWildcard.class),
				new Travelling("generic record bound to a record", new Components.Bounded<>(NOTE),
						Components.Bounded.class.getName(), Components.Bounded.class),
				new Travelling("record with a time zone component", new Components.Zoned(ZoneId.of("Europe/Paris")),
						Components.Zoned.class.getName(), Components.Zoned.class),
				new Travelling("record with a file path component", new Components.Located(Path.of("/notes/a.md")),
						Components.Located.class.getName(), Components.Located.class),
				new Travelling("record with a raw generic record bound to a record",
						new Components.RawBounded(new Components.Bounded<>(NOTE)), Components.RawBounded.class.getName(),
						Components.RawBounded.class),
				new Travelling("record with an interface component whose JSON names its classes",
						new Components.Trimmed(new Components.Ribbon("red")), Components.Trimmed.class.getName(),
						Components.Trimmed.class),
				new Travelling("record with a sealed component whose JSON names its classes, one non-sealed",
						new SealedComponents.Plan(new SealedComponents.Metered(3)), SealedComponents.Plan.class.getName(),
						SealedComponents.Plan.class),
				new Travelling("record with a sealed component that permits a sealed interface",
						new SealedComponents.Route(new SealedComponents.Bus("12")), SealedComponents.Route.class.getName(),
						SealedComponents.Route.class),
				new Travelling("record with a sealed component that permits an enum with a body",
						new SealedComponents.Crossing(SealedComponents.Light.RED), SealedComponents.Crossing.class.getName(),
						SealedComponents.Crossing.class),
				new Travelling("list of a sealed class that is not abstract",
						List.of(new SealedComponents.Fare(150), new SealedComponents.Fare(90)),
						"java.util.List<" + SealedComponents.Fare.class.getName() + ">", List.class));
	}

	/** Values no member could decode equal: refused alike wherever the agent runs. */
	public static List<Refused> refused() {
		Map<Object, String> nullKey = new HashMap<>();
		nullKey.put(null, "x");
		TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
		reversed.add("a");
		TreeMap<String, Integer> reversedMap = new TreeMap<>(Comparator.reverseOrder());
		reversedMap.put("a", 1);
		String coupon = Coupon.class.getName();
		return List.of(new Refused("untrusted record", new Coupon("c-1"), "it is not trusted"),
				new Refused("list of untrusted records", List.of(new Coupon("c-1")), coupon,
						"it is not trusted; trust its package (dev.sagents.codec.untrusted)"),
				new Refused("set of untrusted records", Set.of(new Coupon("c-1")), coupon,
						"(it is held in the java.util.Set sent, as an element)"),
				new Refused("optional of an untrusted record", Optional.of(new Coupon("c-1")), coupon,
						"(it is held in the java.util.Optional sent, as an element)"),
				new Refused("map of untrusted values", Map.of("k", new Coupon("c-1")), coupon,
						"(it is held in the java.util.Map sent, as an element)"),
				new Refused("array of untrusted records", new Coupon[] { new Coupon("c-1") }, coupon,
						"(it is held in the array sent, as an element)"),
				new Refused("mixed list", List.of(1, "a"), "different types"),
				new Refused("mixed nested list", List.of(List.of(NOTE), List.of(Priority.LOW)), "different types"),
				new Refused("queue", new ArrayDeque<>(List.of(1)), "neither a List nor a Set"),
				new Refused("map with record keys", Map.of(NOTE, "x"), "map keys of type"),
				new Refused("map with a null key", nullKey, "null map key"),
				new Refused("set with a comparator", reversed, "comparator"),
				new Refused("object array", new Object[] { 1 }, "array of java.lang.Object"),
				new Refused("record with an Object component",
						new AgentEvent.Published("a", Instant.EPOCH, "payload"), "component 'payload'"),
				new Refused("record with a list of Object", new Loose(List.of(NOTE)), "component 'items'"),
				new Refused("generic record", new Box<>(NOTE), "type variable T"),
				new Refused("record with a raw list", new Components.RawList(List.of(NOTE)),
						"component 'items' (in " + Components.RawList.class.getName()
								+ ") is declared as a raw java.util.List,"),
				new Refused("record with a raw map", new Components.RawMap(Map.of("k", NOTE)),
						"declared as a raw java.util.Map,"),
				new Refused("record with a raw optional", new Components.RawOptional(Optional.of(NOTE)),
						"declared as a raw java.util.Optional,"),
				new Refused("record with an Object array", new Components.ObjectArray(new Object[] { NOTE }),
						"component 'items' (in " + Components.ObjectArray.class.getName() + ") is declared as Object,"),
				new Refused("record with an array of lists of Object",
						new Components.Piles(piles(List.of(NOTE))), "component 'piles' (in "
								+ Components.Piles.class.getName() + ") is declared as Object,"),
				new Refused("record with a list of anything", new Components.Wildcard(List.of(NOTE)),
						"declared as a wildcard,"),
				new Refused("record with a map of Object", new Components.Keyed(Map.of("k", NOTE)),
						"component 'values' (in " + Components.Keyed.class.getName() + ") is declared as Object,"),
				new Refused("record holding a generic record with an Object component",
						new Components.HoldingBag(new Components.Bag<>(NOTE, "x")),
						"component 'extra' (in " + Components.Bag.class.getName() + ") is declared as Object,"),
				new Refused("record holding a record with a list of Object",
						new Components.Holding(new Loose(List.of(NOTE))),
						"component 'items' (in " + Loose.class.getName() + ") is declared as Object,"),
				new Refused("array of an abstract class", new Number[] { 1 }, "array of java.lang.Number"),
				new Refused("array of lists", new List<?>[] { List.of(1) }, "array of java.util.List"),
				new Refused("array of maps", new Map<?, ?>[] { Map.of(1, 2) }, "array of java.util.Map"),
				new Refused("array of array lists", new ArrayList<?>[] { new ArrayList<>(List.of(1)) },
						"array of java.util.ArrayList"),
				new Refused("array of hash maps", new HashMap<?, ?>[] { new HashMap<>(Map.of(1, 2)) },
						"array of java.util.HashMap"),
				new Refused("record with an abstract class component", new Components.Framed(null),
						"is declared as abstract class " + Components.Frame.class.getName() + ", which JSON cannot"
								+ " name the class of"),
				new Refused("record with a sealed component permitting a record with an Object component",
						new Components.Shipment(new Components.Crate("x")), "between members: its component 'content'"
								+ " (in " + Components.Crate.class.getName() + ") is declared as Object,"),
				new Refused("array of optionals", new Optional<?>[] { Optional.of(1) }, "array of java.util.Optional"),
				new Refused("list of arrays of different dimensions", List.of(new int[] { 1 }, new int[][] { { 1 } }),
						"different types, int[] and int[][]"),
				new Refused("record with an interface component", new Gift("ann", new Gift.Paper("red")),
						"is declared as interface " + Gift.Wrapping.class.getName() + ", which JSON cannot name the"
								+ " class of"),
				new Refused("record with a sealed component that permits a non-sealed one",
						new Invoice(new Invoice.Flat(100)), "is declared as sealed interface " + Invoice.Fee.class.getName()
								+ ", whose permitted subclass " + Invoice.Custom.class.getName() + " is non-sealed"),
				new Refused("record with a component of a sealed class, not abstract, that permits a non-sealed one",
						new SealedComponents.Booking(new SealedComponents.Aisle()), "component 'seat' (in "
								+ SealedComponents.Booking.class.getName() + ") is declared as sealed class "
								+ SealedComponents.Seat.class.getName() + ", whose permitted subclass "
								+ SealedComponents.Aisle.class.getName() + " is non-sealed"),
				new Refused("record with a raw iterable", new Components.RawIterable(List.of(NOTE)),
						"component 'items' (in " + Components.RawIterable.class.getName()
								+ ") is declared as a raw java.lang.Iterable,"),
				new Refused("record with a collection interface of its own", new Components.Named(new Components.NameList()),
						"component 'names' (in " + Components.Named.class.getName() + ") is declared as interface "
								+ Components.Names.class.getName() + ", which JSON cannot name the class of"),
				new Refused("record with a sealed component of untrusted classes", new Rebate(new Coupon("c-1")),
						"whose permitted subclass " + coupon + " is not trusted"),
				new Refused("sorted map with a comparator", reversedMap, "sorted map with a comparator"));
	}

	private static Components.Tags tags(String... tags) {
		Components.Tags list = new Components.Tags();
		list.addAll(List.of(tags));
		return list;
	}

	@SuppressWarnings("unchecked")
	private static List<Object>[] piles(List<Object> pile) {
		return new List[] { pile };
	}

}
