package dev.sagents.codec;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.process.Arguments;

/**
 * The default codec: values as JSON, written and read by the application's {@link JsonMapper}, so
 * its modules and settings apply. The type travels beside the JSON as the value's class name, and
 * is decoded only if {@link TrustedTypes} trusts it.
 *
 * <p>What travels well: records (nested ones, lists and maps of records, {@code byte[]} fields,
 * which JSON carries as base64), enums, strings, numbers and the {@code java.time} values. Two
 * things do not, because JSON names no types inside a value:
 * <ul>
 * <li>A top-level {@link Collection}, {@link Map} or {@link Optional} is refused by
 * {@link #encode}: its element type is erased, so a {@code List<Note>} would come back as a list
 * of maps. Wrap it in a record ({@code record Notes(List<Note> notes)}), whose field type names
 * the elements.</li>
 * <li>A field declared as {@code Object} (or another type Jackson cannot instantiate) decodes as
 * a JSON structure (maps, lists, strings, numbers), not as the object that was sent. Give message
 * fields concrete types.</li>
 * </ul>
 *
 * <p>The mapper is used as given: this codec enables no default typing, which would let a payload
 * name its own classes. If the application's mapper has default typing on, its
 * {@code PolymorphicTypeValidator} is what guards the fields it covers.
 */
public final class JsonMessageCodec implements MessageCodec {

	/** The type name of an encoded {@code null}, which no class can have (it is a keyword). */
	static final String NULL_TYPE = "null";

	private static final byte[] NO_DATA = new byte[0];

	private final TrustedTypes trustedTypes;

	/** A reader per class, built once: Jackson then skips the root-type lookup on every value. */
	private final ClassValue<ObjectReader> readers;

	/** A writer per class, built once, for the same reason. */
	private final ClassValue<ObjectWriter> writers;

	/**
	 * Creates a codec that writes and reads with {@code mapper} and decodes the types
	 * {@code trustedTypes} trusts.
	 *
	 * @param mapper the application's JSON mapper, used as given
	 * @param trustedTypes which type names {@link #decode(EncodedValue)} accepts
	 */
	public JsonMessageCodec(JsonMapper mapper, TrustedTypes trustedTypes) {
		Arguments.notNull(mapper, "mapper");
		this.trustedTypes = Arguments.notNull(trustedTypes, "trustedTypes");
		this.readers = new ClassValue<>() {

			@Override
			protected ObjectReader computeValue(Class<?> type) {
				return mapper.readerFor(type);
			}

		};
		this.writers = new ClassValue<>() {

			@Override
			protected ObjectWriter computeValue(Class<?> type) {
				return mapper.writerFor(type);
			}

		};
	}

	/**
	 * Encodes {@code value} as its class name (an enum constant's enum class, even for constants
	 * with a body) and its JSON; {@code null} as type {@code "null"} with no data.
	 *
	 * @throws IllegalArgumentException if {@code value} is a collection, map or optional (wrap it
	 * in a record), or the mapper cannot write it
	 */
	@Override
	public EncodedValue encode(Object value) {
		if (value == null) {
			return new EncodedValue(NULL_TYPE, NO_DATA);
		}
		Class<?> type = encodedType(value);
		try {
			return new EncodedValue(type.getName(), this.writers.get(type).writeValueAsBytes(value));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"Cannot write a value of type '" + type.getName() + "' as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Decodes a value {@link #encode} produced. Empty data of a trusted type decodes as {@code null}.
	 *
	 * @throws UntrustedTypeException if its type is not trusted; no class was loaded
	 * @throws MessageDecodingException if its data is not JSON of its type, or the type does not
	 * exist on this node
	 */
	@Override
	public Object decode(EncodedValue value) {
		Arguments.notNull(value, "value");
		if (NULL_TYPE.equals(value.type())) {
			return null;
		}
		return read(value.data(), this.trustedTypes.resolve(value.type()));
	}

	/**
	 * Decodes {@code data} as {@code type}, trusted because the caller names it. Empty data, which
	 * is what {@link #encode} gives for {@code null}, decodes as {@code null}.
	 *
	 * @throws MessageDecodingException if {@code data} is not JSON of {@code type}
	 */
	@Override
	public <T> T decode(byte[] data, Class<T> type) {
		return read(data, Arguments.notNull(type, "type"));
	}

	private <T> T read(byte[] data, Class<T> type) {
		if (data == null || data.length == 0) {
			return null;
		}
		try {
			return this.readers.get(type).readValue(data);
		}
		catch (JacksonException ex) {
			throw new MessageDecodingException(type.getName(), reason(ex), ex);
		}
	}

	private static Class<?> encodedType(Object value) {
		if (value instanceof Collection || value instanceof Map || value instanceof Optional) {
			String kind = (value instanceof Collection) ? "collection" : (value instanceof Map) ? "map" : "optional";
			throw new IllegalArgumentException("Cannot encode a top-level " + kind + " ("
					+ value.getClass().getName() + "): JSON does not name its element types, so it would decode"
					+ " as maps and lists. Wrap it in a record, such as record Notes(List<Note> notes)");
		}
		return (value instanceof Enum<?> constant) ? constant.getDeclaringClass() : value.getClass();
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
