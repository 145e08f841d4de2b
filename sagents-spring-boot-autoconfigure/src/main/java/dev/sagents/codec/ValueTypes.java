package dev.sagents.codec;

import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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

/**
 * Which values can travel between members, and under which {@link TypeName}: what a codec checks
 * before it encodes, and what a process of this node checks of its messages and replies so that a
 * value is refused alike wherever the process runs.
 *
 * <p>A value travels under the name of its class (an enum constant's enum, a time zone's
 * {@link ZoneId}); a {@link List}, {@link Set}, {@link SortedSet}, {@link Map}, {@link SortedMap}
 * or {@link Optional}, at the top or nested in another one, under the name of its kind and of the
 * one type its elements (keys, values) have; an array under the name of its component. Refused,
 * with a {@link MessageEncodingException} naming the type and what to do instead:
 * <ul>
 * <li>a class the codec's rule refuses (for JSON: one it does not trust, or a record with a
 * component declared as {@code Object}), also as an element, which is then named itself;</li>
 * <li>a collection that is neither a list nor a set, and a sorted set or map with a comparator,
 * which does not travel;</li>
 * <li>a container whose elements (keys, values) are of different classes, since the receiver
 * creates each as the one type the container names;</li>
 * <li>map keys that JSON cannot write as text and read back: anything but strings, numbers,
 * {@code Boolean}, {@code Character}, {@code UUID}, enums and the {@code java.time} values listed
 * in {@link #KEY_TYPES};</li>
 * <li>arrays of {@code Object}, interfaces or abstract classes.</li>
 * </ul>
 *
 * <p>The verdict on a class is cached: checking a record or an enum costs a lookup; a container's
 * elements are each looked at.
 */
final class ValueTypes {

	static final String LIST = "java.util.List";

	static final String SET = "java.util.Set";

	static final String SORTED_SET = "java.util.SortedSet";

	static final String MAP = "java.util.Map";

	static final String SORTED_MAP = "java.util.SortedMap";

	static final String OPTIONAL = "java.util.Optional";

	/** The classes received containers are made of; a reply type must be one of them can be assigned to. */
	private static final List<Class<?>> RECEIVED_CONTAINERS = List.of(ArrayList.class, LinkedHashSet.class,
			TreeSet.class, LinkedHashMap.class, TreeMap.class);

	/** The classes of map keys that JSON writes as text and reads back equal. */
	static final Set<Class<?>> KEY_TYPES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
			Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class,
			UUID.class, Instant.class, LocalDate.class, LocalTime.class, LocalDateTime.class, Year.class,
			YearMonth.class, MonthDay.class, Duration.class, Period.class, ZoneOffset.class);

	/** Why values of a class cannot travel; {@code null} when they can. */
	@FunctionalInterface
	interface Rule {

		String refusal(Class<?> type);

	}

	/** What is known of a class: the name its values travel under and whether they may. */
	private record Verdict(TypeName name, String refusal, String elementRefusal) {
	}

	private final ClassValue<Verdict> verdicts;

	private final ClassValue<Optional<String>> replyTypeRefusals;

	/**
	 * @param rule why values of a class cannot travel, as a message, reply or payload or in one
	 * @param elementRule why they cannot travel inside a container or array, on top of {@code rule}
	 */
	ValueTypes(Rule rule, Rule elementRule) {
		this.verdicts = new ClassValue<>() {

			@Override
			protected Verdict computeValue(Class<?> type) {
				Class<?> travelling = travellingClass(type);
				String refusal = rule.refusal(travelling);
				String elementRefusal = elementRule.refusal(travelling);
				elementRefusal = (elementRefusal != null) ? elementRefusal : refusal;
				return new Verdict(TypeName.of(travelling.getName()), refusal, elementRefusal);
			}

		};
		this.replyTypeRefusals = new ClassValue<>() {

			@Override
			protected Optional<String> computeValue(Class<?> type) {
				return Optional.ofNullable(replyTypeRefusal(type));
			}

		};
	}

	/**
	 * The name {@code value} travels under.
	 *
	 * @param value the value, not {@code null}
	 * @throws MessageEncodingException if it cannot travel
	 */
	TypeName describe(Object value) {
		return describe(value, value, false);
	}

	/**
	 * Refuses a reply type that no reply could be received as: a primitive (its boxed type is what
	 * arrives), a collection or map class a received container is not made of, a class
	 * {@code rule} refuses. Interfaces and abstract classes are left to the reply itself.
	 *
	 * @throws MessageEncodingException naming the type and what to ask for instead
	 */
	void checkReplyType(Class<?> type) {
		Optional<String> refusal = this.replyTypeRefusals.get(type);
		if (refusal.isPresent()) {
			throw new MessageEncodingException(type.getName(), "no reply can be received as it: " + refusal.get());
		}
	}

	private TypeName describe(Object top, Object value, boolean element) {
		if (value instanceof Collection<?> collection) {
			return TypeName.of(collectionName(top, collection), elementType(top, collection));
		}
		if (value instanceof Map<?, ?> map) {
			return TypeName.of(mapName(top, map), keyType(top, map.keySet()), elementType(top, map.values()));
		}
		if (value instanceof Optional<?> optional) {
			return TypeName.of(OPTIONAL,
					optional.isPresent() ? describe(top, optional.get(), true) : TypeName.UNKNOWN);
		}
		Class<?> type = value.getClass();
		if (type.isArray() && type != byte[].class) {
			return arrayType(top, type);
		}
		Verdict verdict = this.verdicts.get(type);
		refuseElementIf(top, element, verdict.name().name(), element ? verdict.elementRefusal() : verdict.refusal());
		return verdict.name();
	}

	private TypeName elementType(Object top, Iterable<?> elements) {
		TypeName type = TypeName.UNKNOWN;
		for (Object element : elements) {
			if (element != null) {
				type = unify(top, type, describe(top, element, true));
			}
		}
		return type;
	}

	private TypeName keyType(Object top, Iterable<?> keys) {
		TypeName type = TypeName.UNKNOWN;
		for (Object key : keys) {
			if (key == null) {
				refuseIf(top, "it has a null map key, which JSON cannot write");
			}
			Class<?> keyType = travellingClass(key.getClass());
			if (!keyType.isEnum() && !KEY_TYPES.contains(keyType)) {
				refuseIf(top, "it has map keys of type " + keyType.getName() + ", which JSON cannot write as"
						+ " text and read back; use keys that are strings, numbers, UUIDs, enums or dates, or"
						+ " send a List of records that each hold a key and its value");
			}
			type = unify(top, type, describe(top, key, true));
		}
		return type;
	}

	/** The one type of two elements of a container: a container with no elements has any. */
	private static TypeName unify(Object top, TypeName first, TypeName second) {
		if (first == second || first.equals(second) || second == TypeName.UNKNOWN) {
			return first;
		}
		if (first == TypeName.UNKNOWN) {
			return second;
		}
		if (!first.name().equals(second.name()) || first.dimensions() != second.dimensions()
				|| first.arguments().size() != second.arguments().size()) {
			refuseIf(top, "it holds values of different types, " + first + " and " + second
					+ "; a container travels as one type of element (give them one class, such as a record"
					+ " with a field per kind)");
		}
		TypeName[] arguments = new TypeName[first.arguments().size()];
		for (int i = 0; i < arguments.length; i++) {
			arguments[i] = unify(top, first.arguments().get(i), second.arguments().get(i));
		}
		return TypeName.of(first.name(), arguments);
	}

	private TypeName arrayType(Object top, Class<?> arrayType) {
		int dimensions = 0;
		Class<?> component = arrayType;
		while (component.isArray()) {
			component = component.getComponentType();
			dimensions++;
		}
		if (!component.isPrimitive()) {
			refuseIf(top, unnamedComponent(component));
			Verdict verdict = this.verdicts.get(component);
			refuseElementIf(top, true, verdict.name().name(), verdict.elementRefusal());
		}
		String name = component.isPrimitive() ? component.getName() : this.verdicts.get(component).name().name();
		return new TypeName(name, List.of(), dimensions);
	}

	private static String collectionName(Object top, Collection<?> collection) {
		if (collection instanceof List) {
			return LIST;
		}
		if (collection instanceof SortedSet<?> sorted) {
			refuseIf(top, (sorted.comparator() != null) ? "it is a sorted set with a comparator, which does not"
					+ " travel; send a List, or a set sorted by the natural order of its elements" : null);
			return SORTED_SET;
		}
		if (collection instanceof Set) {
			return SET;
		}
		refuseIf(top, "it is a " + collection.getClass().getName() + ", neither a List nor a Set; send it as a List");
		return null;
	}

	private static String mapName(Object top, Map<?, ?> map) {
		if (map instanceof SortedMap<?, ?> sorted) {
			refuseIf(top, (sorted.comparator() != null) ? "it is a sorted map with a comparator, which does not"
					+ " travel; send a Map, or a map sorted by the natural order of its keys" : null);
			return SORTED_MAP;
		}
		return MAP;
	}

	private String replyTypeRefusal(Class<?> type) {
		if (type == void.class || type == Object.class || type == Optional.class) {
			return null;
		}
		if (type.isPrimitive()) {
			return "a reply arrives boxed; ask for " + MethodType.methodType(type).wrap().returnType().getName();
		}
		if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
			boolean received = isAbstract(type) && RECEIVED_CONTAINERS.stream().anyMatch(type::isAssignableFrom);
			return received ? null : "a received collection is an ArrayList, a LinkedHashSet or a TreeSet, and a"
					+ " received map a LinkedHashMap or a TreeMap; ask for java.util.List, Set, SortedSet, Map or"
					+ " SortedMap";
		}
		if (type.isArray()) {
			Class<?> component = type;
			while (component.isArray()) {
				component = component.getComponentType();
			}
			if (component.isPrimitive()) {
				return null;
			}
			String unnamed = unnamedComponent(component);
			return (unnamed != null) ? unnamed : this.verdicts.get(component).elementRefusal();
		}
		return isAbstract(type) ? null : this.verdicts.get(type).refusal();
	}

	/** Why an array of {@code component} cannot travel whatever it holds; {@code null} if it may. */
	private static String unnamedComponent(Class<?> component) {
		if (component == Object.class || isAbstract(component) || Collection.class.isAssignableFrom(component)
				|| Map.class.isAssignableFrom(component) || component == Optional.class) {
			return "it is an array of " + component.getName() + ", and an array travels as the one class of its"
					+ " items; use an array of a concrete class, or a List";
		}
		return null;
	}

	/** The class a value of {@code type} travels as: an enum constant's enum, a time zone's {@link ZoneId}. */
	static Class<?> travellingClass(Class<?> type) {
		if (Enum.class.isAssignableFrom(type) && !type.isEnum()) {
			return type.getSuperclass();
		}
		if (ZoneId.class.isAssignableFrom(type) && type != ZoneOffset.class) {
			return ZoneId.class;
		}
		return type;
	}

	private static boolean isAbstract(Class<?> type) {
		return type.isInterface() || Modifier.isAbstract(type.getModifiers());
	}

	/**
	 * Refuses a value of class {@code type} (by that name) that cannot travel; an element by its
	 * own class too, saying what holds it, so that the class to trust or change is the one named.
	 */
	private static void refuseElementIf(Object top, boolean element, String type, String refusal) {
		if (refusal != null) {
			throw new MessageEncodingException(type, element ? refusal + " (it is held in the " + kind(top)
					+ " sent, as an element)" : refusal);
		}
	}

	/** What the sender sent, as a kind of container. */
	private static String kind(Object top) {
		if (top instanceof Collection<?> collection) {
			return collectionName(top, collection);
		}
		if (top instanceof Map<?, ?> map) {
			return mapName(top, map);
		}
		return (top instanceof Optional) ? OPTIONAL : "array";
	}

	private static void refuseIf(Object top, String refusal) {
		if (refusal != null) {
			throw new MessageEncodingException(top.getClass().getName(), refusal);
		}
	}

}
