package dev.sagents.codec;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.TypeFactory;

import dev.sagents.process.Arguments;

/**
 * The default codec: values as JSON, written and read by the application's {@link JsonMapper}, so
 * its modules and settings apply. The type travels beside the JSON ({@link TypeName}), and is
 * decoded only if {@link TrustedTypes} trusts every class it names.
 *
 * <p>What travels, and arrives as an equal value: {@code null}; strings, numbers, {@code UUID},
 * the {@code java.time} values ({@link ZonedDateTime} with its zone, {@link OffsetDateTime} with
 * its offset); records, enums and other classes of trusted packages, nested ones and their lists,
 * maps and {@code byte[]} fields (JSON carries those as base64) included, and record components
 * declared as a sealed interface or class, whose value travels under its class name; arrays of
 * those and of primitives; and a {@link List}, {@link Set}, {@link SortedSet}, {@link Map}, {@link SortedMap}
 * or {@link Optional} of any of these, at the top or nested, whose elements are of one class: the
 * type names the class of its elements, so a {@code List<Note>} arrives as a list of notes. A
 * received list is an {@link ArrayList}, a set a {@link LinkedHashSet} (a sorted one a
 * {@link TreeSet}), a map a {@link LinkedHashMap} (a sorted one a {@link TreeMap}).
 *
 * <p>What is refused, by {@link #encode} and {@link #check} alike, with a
 * {@link MessageEncodingException} that names the type and what to do instead: a class that is not
 * trusted; a record with a component declared as {@code Object}, as its own type variable or as a
 * raw collection (JSON names no types inside a value, so it would arrive as maps and lists), or as
 * an interface or abstract class that is not sealed (no member could create it), or as a sealed
 * type that permits an untrusted or non-sealed class (see {@link RecordComponentTypes}); and the
 * containers {@link ValueTypes} refuses (elements of different classes, map keys JSON cannot write
 * as text, collections that are neither lists nor sets). Fields of other classes declared as {@code Object} are not checked: they arrive as JSON
 * structures. {@code sagents.codec.verify-local} finds those too, in local mode.
 *
 * <p>The mapper is used as given, but for dates and sealed types: values are written with their
 * zone id and read without adjusting them to the mapper's time zone, so they arrive equal; a value
 * declared as a sealed type carries its class name, read back only as one of the trusted classes
 * the sealed type permits ({@link SealedTypeIds}). This codec enables no default typing, which
 * would let a payload name its own classes. If the application's mapper has
 * default typing on, its {@code PolymorphicTypeValidator} is what guards the fields it covers.
 */
public final class JsonMessageCodec implements MessageCodec {

	/** The type name of an encoded {@code null}, which no class can have (it is a keyword). */
	static final String NULL_TYPE = "null";

	/** How many readers and writers of container and array types are kept, so names from the network cannot grow it. */
	private static final int MAX_CACHED_TYPES = 256;

	private static final byte[] NO_DATA = new byte[0];

	/** The containers a type name may name, each with its number of type arguments. */
	private static final Set<String> CONTAINERS = Set.of(ValueTypes.LIST + "/1", ValueTypes.SET + "/1",
			ValueTypes.SORTED_SET + "/1", ValueTypes.MAP + "/2", ValueTypes.SORTED_MAP + "/2",
			ValueTypes.OPTIONAL + "/1");

	private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class,
			"short", short.class, "char", char.class, "int", int.class, "long", long.class, "float", float.class,
			"double", double.class);

	private final JsonMapper mapper;

	private final TrustedTypes trustedTypes;

	private final RecordComponentTypes recordComponentTypes;

	private final ValueTypes valueTypes;

	/** A reader per class, built once: Jackson then skips the root-type lookup on every value. */
	private final ClassValue<ObjectReader> readers;

	/** A writer per class, built once, for the same reason. */
	private final ClassValue<ObjectWriter> writers;

	/** Readers of container and array types, by type name. */
	private final Map<String, ObjectReader> typeReaders = new ConcurrentHashMap<>();

	/** Writers of container and array types, by type name. */
	private final Map<String, ObjectWriter> typeWriters = new ConcurrentHashMap<>();

	/**
	 * Creates a codec that writes and reads with {@code mapper} and decodes the types
	 * {@code trustedTypes} trusts.
	 *
	 * @param mapper the application's JSON mapper
	 * @param trustedTypes which type names {@link #decode(EncodedValue)} accepts
	 */
	public JsonMessageCodec(JsonMapper mapper, TrustedTypes trustedTypes) {
		this(SealedTypeIds.applyTo(Arguments.notNull(mapper, "mapper"),
				Arguments.notNull(trustedTypes, "trustedTypes")::isTrusted), trustedTypes, Set.of(), null);
	}

	/**
	 * @param notElements classes whose values travel only as the top-level value, not inside a
	 * container or array (the Compact codec's)
	 * @param notElementRefusal why, and what to do instead
	 */
	private JsonMessageCodec(JsonMapper mapper, TrustedTypes trustedTypes, Set<Class<?>> notElements,
			String notElementRefusal) {
		this.mapper = mapper;
		this.trustedTypes = trustedTypes;
		this.recordComponentTypes = new RecordComponentTypes(trustedTypes::isTrusted);
		this.valueTypes = new ValueTypes(this::refusal,
				(type) -> notElements.contains(type) ? notElementRefusal : null);
		this.readers = new ClassValue<>() {

			@Override
			protected ObjectReader computeValue(Class<?> type) {
				return reader(mapper.constructType(type));
			}

		};
		this.writers = new ClassValue<>() {

			@Override
			protected ObjectWriter computeValue(Class<?> type) {
				return writer(mapper.constructType(type));
			}

		};
	}

	/**
	 * This codec, but refusing {@code classes} inside containers and arrays, where it would write
	 * them as JSON: for the Compact codec, which writes them as Compact at the top level only.
	 *
	 * @param classes the classes whose values travel only as the top-level value
	 * @param refusal why a value of them cannot travel inside a container, and what to do instead
	 */
	public JsonMessageCodec refusingElementsOf(Set<Class<?>> classes, String refusal) {
		return new JsonMessageCodec(this.mapper, this.trustedTypes, Set.copyOf(classes),
				Arguments.notNull(refusal, "refusal"));
	}

	/**
	 * Encodes {@code value} under its {@link TypeName} (a class name, an enum constant's enum
	 * class even for constants with a body, or a container's with its element types), as JSON;
	 * {@code null} as type {@code "null"} with no data.
	 *
	 * @throws MessageEncodingException if the value cannot travel (see the class description), or
	 * the mapper cannot write it
	 */
	@Override
	public EncodedValue encode(Object value) {
		if (value == null) {
			return new EncodedValue(NULL_TYPE, NO_DATA);
		}
		TypeName type = this.valueTypes.describe(value);
		ObjectWriter writer = type.isClass() ? this.writers.get(ValueTypes.travellingClass(value.getClass()))
				: cached(this.typeWriters, type.toString(), (name) -> writer(javaType(type, false)));
		try {
			return new EncodedValue(type.toString(), writer.writeValueAsBytes(value));
		}
		catch (JacksonException ex) {
			throw new MessageEncodingException(type.toString(), "JSON cannot write it: " + ex.getOriginalMessage(), ex);
		}
	}

	/** Refuses what {@link #encode} would refuse before writing any JSON; per class, a lookup. */
	@Override
	public void check(Object value) {
		if (value != null) {
			this.valueTypes.describe(value);
		}
	}

	@Override
	public void checkReplyType(Class<?> type) {
		this.valueTypes.checkReplyType(Arguments.notNull(type, "type"));
	}

	/**
	 * Decodes a value {@link #encode} produced. Empty data of a trusted type decodes as {@code null}.
	 *
	 * @throws UntrustedTypeException if its type, or a type it names, is not trusted, or the name
	 * is malformed; no class was loaded
	 * @throws MessageDecodingException if its data is not JSON of its type, or the type does not
	 * exist on this node
	 */
	@Override
	public Object decode(EncodedValue value) {
		Arguments.notNull(value, "value");
		String name = value.type();
		if (NULL_TYPE.equals(name)) {
			return null;
		}
		if (name != null && (name.indexOf('<') >= 0 || name.endsWith("]"))) {
			TypeName type = TypeName.parse(name);
			return read(value.data(), name, cached(this.typeReaders, name, (key) -> reader(javaType(type, true))));
		}
		Class<?> type = this.trustedTypes.resolve(name);
		return read(value.data(), type.getName(), this.readers.get(type));
	}

	/**
	 * Decodes {@code data} as {@code type}, trusted because the caller names it. Empty data, which
	 * is what {@link #encode} gives for {@code null}, decodes as {@code null}.
	 *
	 * @throws MessageDecodingException if {@code data} is not JSON of {@code type}
	 */
	@Override
	@SuppressWarnings("unchecked")
	public <T> T decode(byte[] data, Class<T> type) {
		Arguments.notNull(type, "type");
		return (T) read(data, type.getName(), this.readers.get(type));
	}

	private Object read(byte[] data, String type, ObjectReader reader) {
		if (data == null || data.length == 0) {
			return null;
		}
		try {
			return reader.readValue(data);
		}
		catch (JacksonException ex) {
			throw new MessageDecodingException(type, reason(ex), ex);
		}
	}

	/** Why values of a class cannot travel as JSON, or {@code null}. */
	private String refusal(Class<?> type) {
		if (!this.trustedTypes.isTrusted(type.getName())) {
			return "it is not trusted; trust its package (" + type.getPackageName() + ") with"
					+ " sagents.codec.trusted-packages (the"
					+ " application's packages, those of the agents' state types and the JDK's value types are"
					+ " trusted already)";
		}
		return this.recordComponentTypes.refusal(type);
	}

	/**
	 * The Jackson type of {@code type}: the interfaces to write a container as, the classes it is
	 * read as; every class it names resolved through {@link TrustedTypes}.
	 */
	private JavaType javaType(TypeName type, boolean reading) {
		TypeFactory factory = this.mapper.getTypeFactory();
		if (type == TypeName.UNKNOWN) {
			return factory.constructType(Object.class);
		}
		List<TypeName> arguments = type.arguments();
		if (!arguments.isEmpty()) {
			String container = type.name() + "/" + arguments.size();
			if (!CONTAINERS.contains(container)) {
				throw new UntrustedTypeException(type.toString());
			}
			JavaType first = javaType(arguments.get(0), reading);
			return switch (container) {
				case ValueTypes.LIST + "/1" -> factory.constructCollectionType(reading ? ArrayList.class : List.class,
						first);
				case ValueTypes.SET + "/1" -> factory.constructCollectionType(reading ? LinkedHashSet.class : Set.class,
						first);
				case ValueTypes.SORTED_SET + "/1" -> factory
					.constructCollectionType(reading ? TreeSet.class : SortedSet.class, first);
				case ValueTypes.MAP + "/2" -> factory.constructMapType(reading ? LinkedHashMap.class : Map.class, first,
						javaType(arguments.get(1), reading));
				case ValueTypes.SORTED_MAP + "/2" -> factory.constructMapType(
						reading ? TreeMap.class : SortedMap.class, first, javaType(arguments.get(1), reading));
				case ValueTypes.OPTIONAL + "/1" -> factory.constructReferenceType(Optional.class, first);
				default -> throw new UntrustedTypeException(type.toString());
			};
		}
		Class<?> primitive = (type.dimensions() > 0) ? PRIMITIVES.get(type.name()) : null;
		JavaType result = factory
			.constructType((primitive != null) ? primitive : this.trustedTypes.resolve(type.name()));
		for (int i = 0; i < type.dimensions(); i++) {
			result = factory.constructArrayType(result);
		}
		return result;
	}

	/** Dates with their zone, read as written, whatever the mapper's settings for its own use. */
	private ObjectReader reader(JavaType type) {
		return this.mapper.readerFor(type).without(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
	}

	private ObjectWriter writer(JavaType type) {
		return this.mapper.writerFor(type)
			.without(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.with(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID);
	}

	private static <T> T cached(Map<String, T> cache, String name, Function<String, T> create) {
		T cached = cache.get(name);
		if (cached != null) {
			return cached;
		}
		T created = create.apply(name);
		if (cache.size() < MAX_CACHED_TYPES) {
			cache.putIfAbsent(name, created);
		}
		return created;
	}

	/**
	 * What went wrong and where, by field names and byte offset only: Jackson's own message may
	 * quote the payload, which can be confidential.
	 */
	private static String reason(JacksonException ex) {
		StringBuilder reason = new StringBuilder(ex.getClass().getSimpleName());
		String path = ex.getPathReference();
		if (path != null && !path.isEmpty()) {
			reason.append(" at ").append(path);
		}
		TokenStreamLocation location = ex.getLocation();
		if (location != null && location.getByteOffset() >= 0) {
			reason.append(" (byte ").append(location.getByteOffset()).append(')');
		}
		return reason.toString();
	}

}
