package dev.sagents.codec.compact;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.internal.serialization.impl.compact.CompactGenericRecord;
import com.hazelcast.internal.serialization.impl.compact.Schema;
import com.hazelcast.internal.serialization.impl.compact.SchemaService;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;

/**
 * Builds the bytes a hostile member could send, with a Hazelcast serialization service apart from
 * the codec's: any record, carrying whichever schemas the sender chooses to list.
 */
final class HandCraftedCompact {

	private final Map<Long, Schema> known = new ConcurrentHashMap<>();

	private final InternalSerializationService serialization = new DefaultSerializationServiceBuilder()
		.setSchemaService(new SchemaService() {

			@Override
			public Schema get(long schemaId) {
				return HandCraftedCompact.this.known.get(schemaId);
			}

			@Override
			public void put(Schema schema) {
				putLocal(schema);
			}

			@Override
			public void putLocal(Schema schema) {
				HandCraftedCompact.this.known.put(schema.getSchemaId(), schema);
			}

		})
		.build();

	/** The codec's format: the schemas of the {@code listed} records, then {@code record}. */
	byte[] bytes(GenericRecord record, List<GenericRecord> listed) {
		return CompactBinary.format(listed.stream().map((each) -> ((CompactGenericRecord) each).getSchema()).toList(),
				hazelcastBytes(record));
	}

	/**
	 * Hazelcast's binary of {@code value} alone, without schemas: for a {@code GenericRecord}, the
	 * record part of the codec's format; for another value, the bytes of its own Hazelcast type.
	 */
	byte[] hazelcastBytes(Object value) {
		return this.serialization.toData(value).toByteArray();
	}

	/** The bytes {@code content} writes: headers that no codec would write, byte by byte. */
	static byte[] written(Content content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			content.writeTo(new DataOutputStream(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** Hazelcast's own format, with the schemas in the binary. */
	byte[] withHazelcastSchemas(GenericRecord record) {
		return this.serialization.toDataWithSchema(record).toByteArray();
	}

	/** Reads {@code bytes} of Hazelcast's own format the way Hazelcast does, class loading included. */
	Object hazelcastToObject(byte[] bytes) {
		return this.serialization.toObject(new HeapData(bytes));
	}

	/** Writes hand-crafted bytes. */
	@FunctionalInterface
	interface Content {

		void writeTo(DataOutputStream out) throws IOException;

	}

}
