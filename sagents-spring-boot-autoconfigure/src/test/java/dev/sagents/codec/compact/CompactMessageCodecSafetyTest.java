package dev.sagents.codec.compact;

import java.math.BigDecimal;
import java.util.List;

import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.nio.serialization.genericrecord.GenericRecordBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.codec.EncodedValue;
import dev.sagents.codec.InitializedClasses;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageDecodingException;
import dev.sagents.codec.RecordingClassLoader;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.codec.UntrustedTypeException;
import dev.sagents.codec.orders.Line;
import dev.sagents.codec.orders.LineSerializer;
import dev.sagents.codec.orders.Parcel;
import dev.sagents.codec.orders.ParcelSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hostile Compact bytes, built apart from the codec, name real classes whose static initializer
 * records that it ran: decoding refuses them without loading them, let alone initializing them,
 * whether the name is the value's own type or that of a record nested in a trusted one. The class
 * names are only ever strings here, and each class serves one test, so a check cannot pass
 * because another test already loaded it. The control shows what Hazelcast's own reading does
 * with such bytes.
 */
class CompactMessageCodecSafetyTest {

	private static final String GADGET = "dev.sagents.codec.compactevil.CompactGadget";

	private static final String NESTED_GADGET = "dev.sagents.codec.compactevil.NestedCompactGadget";

	private static final String ZERO_CONFIG_GADGET = "dev.sagents.codec.compactevil.ZeroConfigGadget";

	private final CompactMessageCodec codec = new CompactMessageCodec(
			List.of(new ParcelSerializer(), new LineSerializer()), new JsonMessageCodec(JsonMapper.builder().build(),
					new TrustedTypes(List.of(), List.of(), getClass().getClassLoader())));

	private final HandCraftedCompact hostile = new HandCraftedCompact();

	@Test
	void refusesAValueWhoseTypeNameHasNoSerializerBeforeReadingIt() {
		GenericRecord gadget = GenericRecordBuilder.compact(GADGET).build();
		EncodedValue value = new EncodedValue("compact:" + GADGET, this.hostile.bytes(gadget, List.of(gadget)));

		assertRefusedWithoutLoading(GADGET, () -> assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> this.codec.decode(value))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("compact:" + GADGET)));
	}

	@Test
	void refusesARecordOfAnotherTypeThanItsTrustedValueTypeSays() {
		GenericRecord gadget = GenericRecordBuilder.compact(GADGET).setString("sku", "x").build();
		EncodedValue value = new EncodedValue("compact:" + LineSerializer.TYPE_NAME,
				this.hostile.bytes(gadget, List.of(gadget)));

		assertRefusedWithoutLoading(GADGET, () -> {
			assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> this.codec.decode(value))
				.satisfies((ex) -> assertThat(ex.type()).isEqualTo("compact:" + GADGET));
			assertThatExceptionOfType(UntrustedTypeException.class)
				.isThrownBy(() -> this.codec.decode(value.data(), Line.class));
		});
	}

	@Test
	void refusesARecordNestedInATrustedOneWhoseTypeNameHasNoSerializer() {
		GenericRecord gadget = GenericRecordBuilder.compact(NESTED_GADGET).build();
		GenericRecord parcel = parcel(gadget);
		EncodedValue value = new EncodedValue("compact:" + ParcelSerializer.TYPE_NAME,
				this.hostile.bytes(parcel, List.of(parcel, gadget)));

		assertRefusedWithoutLoading(NESTED_GADGET, () -> assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> this.codec.decode(value))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("compact:" + NESTED_GADGET)));
	}

	@Test
	void failsOnANestedRecordWhoseSchemaTheBytesDoNotCarry() {
		GenericRecord gadget = GenericRecordBuilder.compact(NESTED_GADGET).build();
		GenericRecord inOne = parcel(gadget);
		GenericRecord inArray = GenericRecordBuilder.compact(ParcelSerializer.TYPE_NAME)
			.setGenericRecord("content", null)
			.setArrayOfGenericRecord("contents", new GenericRecord[] { gadget })
			.build();

		assertRefusedWithoutLoading(NESTED_GADGET, () -> {
			for (GenericRecord parcel : List.of(inOne, inArray)) {
				EncodedValue value = new EncodedValue("compact:" + ParcelSerializer.TYPE_NAME,
						this.hostile.bytes(parcel, List.of(parcel)));
				assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> this.codec.decode(value))
					.withMessageContaining("compact:" + ParcelSerializer.TYPE_NAME);
			}
		});
	}

	@Test
	void refusesHazelcastsOwnFormatWhichCarriesItsSchemasAsObjects() {
		GenericRecord gadget = GenericRecordBuilder.compact(NESTED_GADGET).build();
		EncodedValue value = new EncodedValue("compact:" + ParcelSerializer.TYPE_NAME,
				this.hostile.withHazelcastSchemas(parcel(gadget)));

		assertRefusedWithoutLoading(NESTED_GADGET, () -> assertThatExceptionOfType(MessageDecodingException.class)
			.isThrownBy(() -> this.codec.decode(value)));
	}

	@Test
	void readsTrustedNestedRecordsThroughTheirSerializers() {
		Line line = new Line("sku-1", 2, BigDecimal.ONE);
		Parcel parcel = new Parcel(line, new Object[] { line, null });

		Object decoded = this.codec.decode(this.codec.encode(parcel));

		assertThat(decoded).usingRecursiveComparison().isEqualTo(parcel);
	}

	/** The control: Hazelcast's own reading loads, initializes and instantiates the class the bytes name. */
	@Test
	void hazelcastsOwnReadingInstantiatesTheClassTheBytesName() {
		byte[] bytes = this.hostile.withHazelcastSchemas(GenericRecordBuilder.compact(ZERO_CONFIG_GADGET).build());
		assertThat(InitializedClasses.contains(ZERO_CONFIG_GADGET)).isFalse();

		Object read = this.hostile.hazelcastToObject(bytes);

		assertThat(read.getClass().getName()).isEqualTo(ZERO_CONFIG_GADGET);
		assertThat(InitializedClasses.contains(ZERO_CONFIG_GADGET)).isTrue();
	}

	/** A parcel whose content is {@code content}. */
	private static GenericRecord parcel(GenericRecord content) {
		return GenericRecordBuilder.compact(ParcelSerializer.TYPE_NAME)
			.setGenericRecord("content", content)
			.setArrayOfGenericRecord("contents", null)
			.build();
	}

	/**
	 * Runs {@code decoding} with a thread context class loader that records what it is asked for
	 * (Hazelcast falls back to it to resolve a Compact type name), then checks that the class named
	 * {@code className} was neither asked for nor initialized.
	 */
	private static void assertRefusedWithoutLoading(String className, Runnable decoding) {
		RecordingClassLoader recorder = new RecordingClassLoader();
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		thread.setContextClassLoader(recorder);
		try {
			decoding.run();
		}
		finally {
			thread.setContextClassLoader(original);
		}
		assertThat(recorder.requested()).doesNotContain(className);
		assertThat(InitializedClasses.contains(className)).isFalse();
	}

}
