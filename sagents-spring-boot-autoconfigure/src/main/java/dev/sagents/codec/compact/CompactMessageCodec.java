package dev.sagents.codec.compact;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;

import dev.sagents.codec.EncodedValue;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.MessageDecodingException;
import dev.sagents.codec.MessageEncodingException;
import dev.sagents.codec.UntrustedTypeException;
import dev.sagents.process.Arguments;

/**
 * Values in Hazelcast's Compact format, written and read by the application's
 * {@link CompactSerializer}s, and every other value as JSON. A value travels as Compact when a
 * serializer is given for its class (exactly its class, as Hazelcast registers them); its type is
 * then {@code compact:} and the serializer's type name. Anything else ({@code null}, strings,
 * numbers, the library's own events and commands, classes without a serializer) goes to the
 * {@link JsonMessageCodec} given, under its type name, so this codec encodes whatever JSON does
 * but one thing: a value of a class with a serializer inside a container or an array (a
 * {@code List<Order>}, an {@code Order[]}) is refused with a {@link MessageEncodingException},
 * since Compact applies to the top-level value and JSON would write the value as a bean; send a
 * class of your own whose serializer writes the items with {@code writeArrayOfCompact}. A JSON
 * type name has no colon, so the type alone tells which of the two decodes a value.
 *
 * <p>Decoding never makes a class out of a type name from the network. The type name of the value
 * and of every nested record it carries must be one of the serializers' (else
 * {@link UntrustedTypeException}); each is checked before the record is read, the record is read
 * only as a Hazelcast {@code GenericRecord}, and the serializer of its type name builds the value.
 * Hazelcast's own way of reading Compact data ({@code toObject}) is never used: for a type name it
 * has no serializer for, it loads and instantiates the class of that name (its zero-config
 * Compact), nested records included.
 *
 * <p>The bytes carry the schemas the value uses, so members need no shared schema registry and no
 * Hazelcast configuration; the serializers are the application's beans, not registered with any
 * Hazelcast member. Nested values ({@code writeCompact}, {@code writeArrayOfCompact}) need a
 * serializer of their own too, and the items of an array must all have one schema. Compact
 * applies to the top-level value: a value of a class without a serializer is JSON as a whole,
 * whatever it holds.
 */
public final class CompactMessageCodec implements MessageCodec {

	private final Map<Class<?>, CompactSerializer<?>> byClass = new HashMap<>();

	private final Map<String, CompactSerializer<?>> byTypeName = new HashMap<>();

	private final JsonMessageCodec json;

	private final CompactBinary binary = new CompactBinary();

	/**
	 * Creates a codec that writes and reads the classes of {@code serializers} as Compact, and
	 * everything else with {@code json}.
	 *
	 * @param serializers the application's serializers, at most one per class and per type name
	 * @param json the codec of every other value
	 * @throws IllegalArgumentException if two serializers share a class or a type name, or one
	 * names no class or type name
	 */
	public CompactMessageCodec(Collection<? extends CompactSerializer<?>> serializers, JsonMessageCodec json) {
		Arguments.notNull(json, "json");
		for (CompactSerializer<?> serializer : serializers) {
			register(Arguments.notNull(serializer, "serializer"));
		}
		this.json = json.refusingElementsOf(this.byClass.keySet(), "a Compact value travels only as the top-level"
				+ " value, not inside a container or array; send a class with a CompactSerializer that writes the"
				+ " items with writeArrayOfCompact");
	}

	/**
	 * Encodes a value whose class has a serializer as {@code compact:} and its type name, with the
	 * Compact bytes of the record the serializer writes; any other value as JSON.
	 *
	 * @throws MessageEncodingException if the serializer fails, writes a nested value whose class
	 * has no serializer, or Hazelcast cannot write the record; for JSON values, as
	 * {@link JsonMessageCodec#encode}, which also refuses a value of a class with a serializer
	 * inside a container or an array (Compact applies to the top-level value only)
	 */
	@Override
	public EncodedValue encode(Object value) {
		CompactSerializer<?> serializer = (value != null) ? this.byClass.get(value.getClass()) : null;
		if (serializer == null) {
			return this.json.encode(value);
		}
		try {
			return new EncodedValue(EncodedValue.COMPACT_TYPE_PREFIX + serializer.getTypeName(),
					this.binary.write(record(serializer, value)));
		}
		catch (MessageEncodingException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new MessageEncodingException(value.getClass().getName(), "Compact cannot write it: " + ex, ex);
		}
	}

	/** A value of a class with a serializer can travel; any other as {@link JsonMessageCodec#check}. */
	@Override
	public void check(Object value) {
		if (value != null && !this.byClass.containsKey(value.getClass())) {
			this.json.check(value);
		}
	}

	/** A class with a serializer can be a reply type; any other as {@link JsonMessageCodec#checkReplyType}. */
	@Override
	public void checkReplyType(Class<?> type) {
		if (!this.byClass.containsKey(Arguments.notNull(type, "type"))) {
			this.json.checkReplyType(type);
		}
	}

	/**
	 * Decodes a value {@link #encode} produced: a Compact one by the serializer of its type name,
	 * any other with the JSON codec.
	 *
	 * @throws UntrustedTypeException if no serializer has its type name, or that of a record nested
	 * in it; nothing was loaded
	 * @throws MessageDecodingException if its bytes are not a Compact value of its type, or its
	 * serializer fails
	 */
	@Override
	public Object decode(EncodedValue value) {
		Arguments.notNull(value, "value");
		String type = value.type();
		if (type == null || !type.startsWith(EncodedValue.COMPACT_TYPE_PREFIX)) {
			return this.json.decode(value);
		}
		CompactSerializer<?> serializer = this.byTypeName
			.get(type.substring(EncodedValue.COMPACT_TYPE_PREFIX.length()));
		if (serializer == null) {
			throw new UntrustedTypeException(type);
		}
		return read(value.data(), serializer);
	}

	/**
	 * Decodes {@code data} as {@code type}: as Compact when {@code type} has a serializer, else as
	 * JSON. Empty data decodes as {@code null}.
	 *
	 * @throws UntrustedTypeException if a nested record's type name has no serializer
	 * @throws MessageDecodingException if {@code data} is not a value of {@code type}
	 */
	@Override
	public <T> T decode(byte[] data, Class<T> type) {
		CompactSerializer<?> serializer = this.byClass.get(Arguments.notNull(type, "type"));
		if (serializer == null) {
			return this.json.decode(data, type);
		}
		if (data == null || data.length == 0) {
			return null;
		}
		return type.cast(read(data, serializer));
	}

	private void register(CompactSerializer<?> serializer) {
		Class<?> type = serializer.getCompactClass();
		String typeName = serializer.getTypeName();
		if (type == null || typeName == null || typeName.isBlank()) {
			throw new IllegalArgumentException("Compact serializer " + serializer.getClass().getName()
					+ " must name its class and a type name");
		}
		CompactSerializer<?> sameClass = this.byClass.putIfAbsent(type, serializer);
		if (sameClass != null) {
			throw new IllegalArgumentException("Two Compact serializers for class " + type.getName() + ": "
					+ sameClass.getClass().getName() + " and " + serializer.getClass().getName());
		}
		CompactSerializer<?> sameTypeName = this.byTypeName.putIfAbsent(typeName, serializer);
		if (sameTypeName != null) {
			throw new IllegalArgumentException("Two Compact serializers for type name '" + typeName + "': "
					+ sameTypeName.getClass().getName() + " and " + serializer.getClass().getName());
		}
	}

	/** The record {@code serializer} writes for {@code value}, nested values through their own serializers. */
	@SuppressWarnings("unchecked")
	private GenericRecord record(CompactSerializer<?> serializer, Object value) {
		GenericRecordBuilder builder = GenericRecordBuilder.compact(serializer.getTypeName());
		((CompactSerializer<Object>) serializer).write(new GenericRecordCompactWriter(builder, this::nestedRecord),
				value);
		return builder.build();
	}

	private GenericRecord nestedRecord(String fieldName, Object value) {
		if (value == null) {
			return null;
		}
		CompactSerializer<?> serializer = this.byClass.get(value.getClass());
		if (serializer == null) {
			throw new MessageEncodingException(value.getClass().getName(), "Compact cannot write it in field '"
					+ fieldName + "': no CompactSerializer is declared for its class");
		}
		return record(serializer, value);
	}

	private Object read(byte[] data, CompactSerializer<?> serializer) {
		String type = EncodedValue.COMPACT_TYPE_PREFIX + serializer.getTypeName();
		try {
			return this.binary.read(data, this.byTypeName::containsKey, (record) -> {
				String typeName = CompactBinary.typeName(record);
				if (!typeName.equals(serializer.getTypeName())) {
					throw new MessageDecodingException(type, "its record is of type '" + typeName + "'", null);
				}
				return value(record);
			});
		}
		catch (UntrustedTypeException | MessageDecodingException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new MessageDecodingException(type, reason(ex), ex);
		}
	}

	/** The value of a record read from the network, by the serializer of its type name only. */
	private Object value(GenericRecord record) {
		if (record == null) {
			return null;
		}
		String typeName = CompactBinary.typeName(record);
		CompactSerializer<?> serializer = this.byTypeName.get(typeName);
		if (serializer == null) {
			// The bytes' schemas were all checked already; this only guards that check.
			throw new UntrustedTypeException(EncodedValue.COMPACT_TYPE_PREFIX + typeName);
		}
		return serializer.read(new GenericRecordCompactReader(record, this::value));
	}

	/**
	 * What went wrong, without any of the payload: Hazelcast's messages name fields, kinds and
	 * schemas only; other exceptions (a serializer's own among them) are named by their class.
	 */
	private static String reason(Exception ex) {
		if (ex instanceof HazelcastSerializationException || ex instanceof IOException) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		return ex.getClass().getSimpleName();
	}

}
