package dev.sagents.codec.compact;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.internal.serialization.impl.SerializationConstants;
import com.hazelcast.internal.serialization.impl.compact.CompactGenericRecord;
import com.hazelcast.internal.serialization.impl.compact.FieldDescriptor;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.SchemaService;
import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;

import dev.sagents.codec.EncodedValue;
import dev.sagents.codec.UntrustedTypeException;

/**
 * A {@link GenericRecord} as bytes and back: first the schemas it uses (type name, field names and
 * kinds), written and parsed here, then the record in Hazelcast's Compact binary format, which
 * refers to those schemas by id. So the bytes carry everything needed to read them, and members
 * share no schema registry.
 *
 * <p>This is the one class that uses Hazelcast's internal serialization API: the public API can
 * build and read a {@code GenericRecord} but has no way to turn one into bytes outside a cluster
 * data structure. It depends on {@link DefaultSerializationServiceBuilder},
 * {@link InternalSerializationService#toData} and {@code readAsInternalGenericRecord},
 * {@link SchemaService}, {@link Schema}, {@link FieldDescriptor}, {@link HeapData} and
 * {@link CompactGenericRecord#getSchema()} of Hazelcast 5.5; an upgrade of Hazelcast must be
 * checked against them ({@code CompactMessageCodecTest} and {@code CompactMessageCodecSafetyTest}
 * do).
 *
 * <p>Why the schemas are not left to Hazelcast, whose own format can carry them too: it reads an
 * embedded schema with the serialization service's generic {@code readObject}, which picks a
 * deserializer by a type id taken from the bytes. Hostile bytes could pick one that loads a class
 * by name ({@code DataSerializable} by class name, {@code Class}, enums, Java serialization).
 * Here a schema is only names and numbers, checked by the caller's predicate as soon as its type
 * name is read; the record is then read through a schema service that knows only the schemas of
 * the bytes being read, and only as a {@code GenericRecord}, whose reading never resolves a type
 * name to a class (Hazelcast does that only to deserialize an object).
 */
final class CompactBinary {

	/** The first byte of the format, so that a later format can be told apart. */
	private static final byte FORMAT = 1;

	/** The fewest bytes a schema and a field take: an empty name's length, then a count or a kind. */
	private static final int MIN_ENTRY_BYTES = Short.BYTES + Integer.BYTES;

	/** The header of Hazelcast's binary (partition hash, type id), then the schema id of the record. */
	private static final int MIN_RECORD_BYTES = HeapData.HEAP_DATA_OVERHEAD + Long.BYTES;

	private static final FieldKind[] FIELD_KINDS = FieldKind.values();

	/** Kinds a schema may name that Compact does not support: reading such a field fails anyway. */
	@SuppressWarnings({ "deprecation", "removal" })
	private static final Set<FieldKind> UNSUPPORTED_KINDS = EnumSet.of(FieldKind.NOT_AVAILABLE, FieldKind.CHAR,
			FieldKind.ARRAY_OF_CHAR, FieldKind.PORTABLE, FieldKind.ARRAY_OF_PORTABLE);

	/** The schemas of the record being written or read on each thread, by id. */
	private final ThreadLocal<Map<Long, Schema>> schemas = new ThreadLocal<>();

	private final InternalSerializationService serialization = new DefaultSerializationServiceBuilder()
		.setSchemaService(new CurrentSchemas())
		.build();

	/**
	 * The bytes of {@code record}.
	 *
	 * @throws com.hazelcast.nio.serialization.HazelcastSerializationException if Hazelcast cannot
	 * write it (such as an array of records of different schemas)
	 */
	byte[] write(GenericRecord record) {
		Map<Long, Schema> used = new LinkedHashMap<>();
		// Hazelcast announces every schema it writes, nested ones included, to the schema service.
		Data data = withSchemas(used, () -> this.serialization.toData(record));
		return format(used.values(), data.toByteArray());
	}

	/** The bytes of this format: {@code schemas}, then {@code record} in Hazelcast's Compact binary format. */
	static byte[] format(Collection<Schema> schemas, byte[] record) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(record.length + 64 * schemas.size());
			DataOutputStream out = new DataOutputStream(bytes);
			out.writeByte(FORMAT);
			out.writeInt(schemas.size());
			for (Schema schema : schemas) {
				out.writeUTF(schema.getTypeName());
				out.writeInt(schema.getFieldCount());
				for (FieldDescriptor field : schema.getFields()) {
					out.writeUTF(field.getFieldName());
					out.writeInt(field.getKind().getId());
				}
			}
			out.write(record);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads the record in {@code bytes} and hands it to {@code reader}, which runs while its nested
	 * records can still be read.
	 *
	 * @param isTrusted whether a type name may be read; checked for every schema before the record
	 * is read
	 * @throws UntrustedTypeException if a schema names a type {@code isTrusted} refuses
	 * @throws IOException if the bytes are not of this format
	 * @throws com.hazelcast.nio.serialization.HazelcastSerializationException if Hazelcast cannot
	 * read the record
	 */
	<T> T read(byte[] bytes, Predicate<String> isTrusted, Function<GenericRecord, T> reader) throws IOException {
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
		if (in.readByte() != FORMAT) {
			throw new IOException("not a Compact value of this codec");
		}
		Map<Long, Schema> carried = new HashMap<>();
		int schemaCount = readCount(in);
		for (int i = 0; i < schemaCount; i++) {
			Schema schema = readSchema(in, isTrusted);
			carried.put(schema.getSchemaId(), schema);
		}
		byte[] record = in.readAllBytes();
		if (record.length < MIN_RECORD_BYTES || new HeapData(record).getType() != SerializationConstants.TYPE_COMPACT) {
			throw new IOException("the record is not in Hazelcast's Compact format");
		}
		return withSchemas(carried, () -> {
			try {
				return reader.apply(this.serialization.readAsInternalGenericRecord(new HeapData(record)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** The type name of a record this class read, or one built with {@code GenericRecordBuilder.compact}. */
	static String typeName(GenericRecord record) {
		return ((CompactGenericRecord) record).getSchema().getTypeName();
	}

	/** The type name is checked before anything else of the schema is read. */
	private static Schema readSchema(DataInputStream in, Predicate<String> isTrusted) throws IOException {
		String typeName = in.readUTF();
		if (!isTrusted.test(typeName)) {
			throw new UntrustedTypeException(EncodedValue.COMPACT_TYPE_PREFIX + typeName);
		}
		int fieldCount = readCount(in);
		List<FieldDescriptor> fields = new ArrayList<>(fieldCount);
		for (int i = 0; i < fieldCount; i++) {
			String fieldName = in.readUTF();
			int kind = in.readInt();
			if (kind < 0 || kind >= FIELD_KINDS.length || UNSUPPORTED_KINDS.contains(FIELD_KINDS[kind])) {
				throw new IOException("field '" + fieldName + "' of type '" + typeName + "' has no Compact kind");
			}
			fields.add(new FieldDescriptor(fieldName, FIELD_KINDS[kind]));
		}
		return new Schema(typeName, fields);
	}

	/** A count of entries that each take some bytes, so no more than the bytes left can hold. */
	private static int readCount(DataInputStream in) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > in.available() / MIN_ENTRY_BYTES) {
			throw new IOException("a count of " + count + " does not fit the bytes left");
		}
		return count;
	}

	private <T> T withSchemas(Map<Long, Schema> current, Supplier<T> action) {
		Map<Long, Schema> outer = this.schemas.get();
		this.schemas.set(current);
		try {
			return action.get();
		}
		finally {
			if (outer != null) {
				this.schemas.set(outer);
			}
			else {
				this.schemas.remove();
			}
		}
	}

	/**
	 * The schema service of the private serialization service: it knows the schemas of the record
	 * being written or read on the calling thread, and no other, so that a record can only be read
	 * with the schemas its own bytes carried.
	 */
	private final class CurrentSchemas implements SchemaService {

		@Override
		public Schema get(long schemaId) {
			Map<Long, Schema> current = CompactBinary.this.schemas.get();
			return (current != null) ? current.get(schemaId) : null;
		}

		@Override
		public void put(Schema schema) {
			putLocal(schema);
		}

		@Override
		public void putLocal(Schema schema) {
			Map<Long, Schema> current = CompactBinary.this.schemas.get();
			if (current != null) {
				current.putIfAbsent(schema.getSchemaId(), schema);
			}
		}

	}

}
