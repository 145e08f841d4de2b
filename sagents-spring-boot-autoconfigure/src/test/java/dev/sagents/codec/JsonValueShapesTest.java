package dev.sagents.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TimeZone;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentEvent;
import dev.sagents.codec.notes.Note;
import dev.sagents.codec.notes.Priority;
import dev.sagents.codec.shapes.Checkout;
import dev.sagents.codec.shapes.Components;
import dev.sagents.codec.shapes.Loose;
import dev.sagents.codec.shapes.Rebate;
import dev.sagents.codec.shapes.SealedComponents;
import dev.sagents.codec.shapes.ValueShapes;
import dev.sagents.codec.untrusted.Coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every shape of value an agent can take or give, through the JSON codec: it arrives equal under
 * a type name that says what it holds, or is refused by {@link JsonMessageCodec#encode} and
 * {@link JsonMessageCodec#check} alike, naming the type and what to do.
 */
class JsonValueShapesTest {

	private final RecordingClassLoader classLoader = new RecordingClassLoader();

	private final JsonMessageCodec codec = new JsonMessageCodec(JsonMapper.builder().build(),
			new TrustedTypes(List.of("dev.sagents.codec.notes", "dev.sagents.codec.shapes"), List.of(),
					this.classLoader));

	static List<ValueShapes.Travelling> travelling() {
		return ValueShapes.travelling();
	}

	static List<ValueShapes.Refused> refused() {
		return ValueShapes.refused();
	}

	@ParameterizedTest
	@MethodSource("travelling")
	void aValueThatTravelsArrivesEqualUnderATypeNameThatSaysWhatItHolds(ValueShapes.Travelling shape) {
		EncodedValue encoded = this.codec.encode(shape.value());

		assertThat(encoded.type()).isEqualTo(shape.typeName());
		assertThat(this.codec.decode(encoded)).isEqualTo(shape.value());
		assertThatNoException().isThrownBy(() -> this.codec.check(shape.value()));
	}

	@ParameterizedTest
	@MethodSource("refused")
	void aValueThatCannotTravelIsRefusedByTheCheckAsByTheEncoding(ValueShapes.Refused shape) {
		MessageEncodingException encoding = catchEncoding(() -> this.codec.encode(shape.value()));
		MessageEncodingException check = catchEncoding(() -> this.codec.check(shape.value()));

		assertThat(encoding).hasMessageContaining(shape.reason())
			.hasMessageStartingWith("Cannot send a value of type '" + shape.type() + "' between members: ");
		assertThat(check).hasMessage(encoding.getMessage());
		assertThat(encoding.type()).isEqualTo(shape.type());
	}

	@Test
	void containersArriveAsTheClassesTheCodecNames() {
		assertThat(roundTrip(List.of(ValueShapes.NOTE))).isInstanceOf(ArrayList.class);
		assertThat(roundTrip(new java.util.TreeSet<>(List.of("a")))).isInstanceOf(java.util.TreeSet.class);
		assertThat(roundTrip(Map.of("a", 1))).isInstanceOf(java.util.LinkedHashMap.class);
		assertThat(roundTrip(List.of(1L))).asList().first().isInstanceOf(Long.class);
		assertThat(roundTrip(new LinkedHashSet<>(List.of("b", "a")))).isInstanceOf(LinkedHashSet.class)
			.asInstanceOf(InstanceOfAssertFactories.ITERABLE)
			.containsExactly("b", "a");
	}

	@Test
	void aListOfArraysOfOneTypeTravelsAsAListOfThatArrayType() {
		List<int[]> arrays = List.of(new int[] { 1 }, new int[] { 2, 3 });
		EncodedValue encoded = this.codec.encode(arrays);

		assertThat(encoded.type()).isEqualTo("java.util.List<int[]>");
		assertThat(this.codec.decode(encoded)).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly(new int[] { 1 }, new int[] { 2, 3 });
	}

	@Test
	void aRecordHeldInAComponentIsRefusedForItsOwnComponentNamingIt() {
		assertThat(catchEncoding(() -> this.codec.encode(new Components.Holding(new Loose(List.of())))))
			.hasMessage("Cannot send a value of type '" + Components.Holding.class.getName() + "' between members:"
					+ " its component 'items' (in " + Loose.class.getName() + ") is declared as Object, which JSON"
					+ " cannot name, so it would arrive as maps, lists and strings; declare the type it holds (or"
					+ " annotate it with @JsonTypeInfo)");
	}

	@Test
	void datesArriveWithTheirZoneWhateverTheApplicationsMapperSays() {
		JsonMapper utc = JsonMapper.builder()
			.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.defaultTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC))
			.build();
		JsonMessageCodec codec = new JsonMessageCodec(utc, new TrustedTypes(List.of(), List.of(), this.classLoader));
		ZonedDateTime paris = ZonedDateTime.parse("2026-03-01T10:30:00.000000005+01:00[Europe/Paris]");

		assertThat(codec.decode(codec.encode(paris))).isEqualTo(paris);
	}

	@Test
	void mapKeysArriveEqualForEveryKeyTypeTheCodecAccepts() {
		Map<Object, String> keys = new HashMap<>();
		for (Object key : List.of("k", true, 'c', (byte) 1, (short) 2, 3, 4L, 1.5f, 2.5d,
				new java.math.BigInteger("5"), new java.math.BigDecimal("6.50"), java.util.UUID.randomUUID(),
				Instant.parse("2026-01-01T00:00:00.5Z"), java.time.LocalDate.of(2026, 1, 1),
				java.time.LocalTime.of(1, 2), java.time.LocalDateTime.of(2026, 1, 1, 1, 2),
				java.time.Year.of(2026), java.time.YearMonth.of(2026, 1), java.time.MonthDay.of(2, 29),
				java.time.Duration.ofSeconds(3), java.time.Period.ofDays(2), ZoneOffset.ofHours(2), Priority.HIGH)) {
			keys.put(key, "v");
		}
		assertThat(keys.keySet()).extracting(Object::getClass)
			.filteredOn((type) -> !type.isEnum() && type.getSuperclass() != Priority.class)
			.containsExactlyInAnyOrderElementsOf(ValueTypes.KEY_TYPES);
		for (Map.Entry<Object, String> entry : keys.entrySet()) {
			Map<Object, String> one = Map.of(entry.getKey(), entry.getValue());
			assertThat(roundTrip(one)).as(entry.getKey().getClass().getName()).isEqualTo(one);
		}
	}

	@ParameterizedTest
	@ValueSource(classes = { Object.class, void.class, List.class, Collection.class, Iterable.class, Map.class,
			SortedMap.class, NavigableSet.class, Optional.class, Note.class, Priority.class, String.class,
			Number.class, int[].class, Note[].class, byte[].class })
	void acceptsReplyTypesAReceivedValueCanHave(Class<?> replyType) {
		assertThatNoException().isThrownBy(() -> this.codec.checkReplyType(replyType));
	}

	@Test
	void refusesReplyTypesNoReceivedValueCanHaveSayingWhatToAskFor() {
		assertThat(catchEncoding(() -> this.codec.checkReplyType(int.class))).hasMessageContaining("java.lang.Integer");
		for (Class<?> container : List.of(ArrayList.class, LinkedList.class, HashMap.class, ArrayDeque.class,
				java.util.Deque.class, java.util.concurrent.ConcurrentMap.class)) {
			assertThat(catchEncoding(() -> this.codec.checkReplyType(container))).as(container.getName())
				.hasMessageContaining("ask for java.util.List, Set, SortedSet, Map or SortedMap");
		}
		assertThat(catchEncoding(() -> this.codec.checkReplyType(Coupon.class))).hasMessageContaining("not trusted")
			.hasMessageStartingWith("Cannot send a value of type '" + Coupon.class.getName() + "'");
		assertThat(catchEncoding(() -> this.codec.checkReplyType(Object[].class)))
			.hasMessageContaining("array of java.lang.Object");
		assertThat(catchEncoding(() -> this.codec.checkReplyType(AgentEvent.Replied.class)))
			.hasMessageContaining("component 'reply'");
		assertThat(catchEncoding(() -> this.codec.checkReplyType(Coupon[].class))).hasMessageContaining("not trusted");
	}

	@ParameterizedTest
	@ValueSource(strings = { "java.util.List<java.lang.Runtime>", "java.util.Map<java.lang.String,java.lang.Runtime>",
			"java.util.ArrayList<dev.sagents.codec.notes.Note>", "java.lang.Runtime[]", "int", "int<int>",
			"java.util.List<", "java.util.List<?", "java.util.List<>", "?", "java.util.List<dev.sagents.codec.notes.Note>[]",
			"java.util.List<dev.sagents.codec.notes.Note,java.lang.String>", "java.util.Optional<java.lang.Runtime>",
			"java.util.List<dev.sagents.codec.notesevil.Gadget>", "[Ljava.lang.Object;[]", "java.util.List<java.util.List>",
			"java.util.List<int>", "java.util.List<java.lang.String>>" })
	void refusesTypeNamesNamingAnUntrustedTypeOrMalformedWithoutLoadingAnything(String typeName) {
		EncodedValue hostile = new EncodedValue(typeName, "[]".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(UntrustedTypeException.class).isThrownBy(() -> this.codec.decode(hostile));
		assertThat(this.classLoader.requested()).isEmpty();
		assertThat(InitializedClasses.contains("dev.sagents.codec.notesevil.Gadget")).isFalse();
	}

	@Test
	void refusesTypeNamesTooLongOrTooDeep() {
		String deep = "java.util.List<".repeat(TypeName.MAX_DEPTH + 2) + "java.lang.String"
				+ ">".repeat(TypeName.MAX_DEPTH + 2);
		String shallowEnough = "java.util.List<".repeat(TypeName.MAX_DEPTH) + "java.lang.String"
				+ ">".repeat(TypeName.MAX_DEPTH);
		String wide = "java.util.List<" + "x".repeat(TypeName.MAX_LENGTH) + ">";

		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> this.codec.decode(new EncodedValue(deep, new byte[] { '[', ']' })));
		assertThat(this.codec.decode(new EncodedValue(shallowEnough, new byte[] { '[', ']' }))).isEqualTo(List.of());
		assertThatExceptionOfType(UntrustedTypeException.class)
			.isThrownBy(() -> this.codec.decode(new EncodedValue(wide, new byte[] { '[', ']' })));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev.sagents.codec.notesevil.Gadget", "java.lang.Runtime", "dev.sagents.codec.notes.Note",
			"dev.sagents.codec.shapes.Gift$Paper" })
	void aSealedComponentIsDecodedOnlyAsAClassTheSealedTypePermitsWithoutLoadingAnyOther(String typeId) {
		EncodedValue hostile = new EncodedValue(Checkout.class.getName(),
				("{\"id\":\"c-1\",\"payment\":{\"@type\":\"" + typeId + "\"},\"earlier\":[]}")
					.getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> this.codec.decode(hostile))
			.withMessageContaining("payment");
		assertThat(this.classLoader.requested()).containsOnly(Checkout.class.getName());
		assertThat(InitializedClasses.contains("dev.sagents.codec.notesevil.Gadget")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev.sagents.codec.untrusted.Coupon", "Coupon" })
	void aSealedComponentIsNotDecodedAsAPermittedClassThatIsNotTrusted(String typeId) {
		EncodedValue rebate = new EncodedValue(Rebate.class.getName(),
				("{\"discount\":{\"@type\":\"" + typeId + "\",\"code\":\"c-1\"}}").getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(MessageDecodingException.class).isThrownBy(() -> this.codec.decode(rebate))
			.withMessageContaining("discount");
	}

	@Test
	void aValueDeclaredAsASealedTypeTravelsUnderTheNameOfItsClass() {
		Checkout checkout = new Checkout("c-1", new Checkout.Card("4111"), List.of());
		String card = "{\"id\":\"c-1\",\"payment\":{\"@type\":\"" + Checkout.Card.class.getName()
				+ "\",\"number\":\"4111\"},\"earlier\":[]}";
		List<SealedComponents.Fare> fares = List.of(new SealedComponents.Fare(150));
		String fare = "[{\"@type\":\"" + SealedComponents.Fare.class.getName() + "\",\"cents\":150}]";

		assertThat(new String(this.codec.encode(checkout).data(), StandardCharsets.UTF_8)).isEqualTo(card);
		assertThat(this.codec.decode(new EncodedValue(Checkout.class.getName(), card.getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(checkout);
		assertThat(new String(this.codec.encode(fares).data(), StandardCharsets.UTF_8)).isEqualTo(fare);
	}

	@Test
	void aTypeNameTheApplicationGivesOrLeavesToJacksonIsKept() {
		SealedComponents.Pass pass = new SealedComponents.Pass(30);
		String named = "{\"@type\":\"pass\",\"days\":30}";
		Components.Trimmed bow = new Components.Trimmed(new Components.Bow(2));
		String unnamed = "{\"trim\":{\"@type\":\"Components$Bow\",\"loops\":2}}";

		assertThat(new String(this.codec.encode(List.of(pass)).data(), StandardCharsets.UTF_8))
			.isEqualTo("[" + named + "]");
		assertThat(this.codec.decode(this.codec.encode(List.of(pass)))).isEqualTo(List.of(pass));
		assertThat(new String(this.codec.encode(bow).data(), StandardCharsets.UTF_8)).isEqualTo(unnamed);
		assertThat(this.codec.decode(this.codec.encode(bow))).isEqualTo(bow);
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_25)
	void aTimeZoneComponentTravelsAsItsIdAlsoWhereTheJdkMakesZoneIdSealed() {
		Components.Zoned zoned = new Components.Zoned(ZoneId.of("Europe/Paris"));
		EncodedValue encoded = this.codec.encode(zoned);

		assertThat(ZoneId.class.isSealed()).isTrue();
		assertThat(new String(encoded.data(), StandardCharsets.UTF_8)).isEqualTo("{\"zone\":\"Europe/Paris\"}");
		assertThat(this.codec.decode(encoded)).isEqualTo(zoned);
	}

	@Test
	void aContainerOfUnknownElementsArrivesAsPlainJsonValuesOnly() {
		EncodedValue unknown = new EncodedValue("java.util.List<?>",
				"[{\"@class\":\"java.lang.Runtime\"},1,\"a\"]".getBytes(StandardCharsets.UTF_8));

		assertThat(this.codec.decode(unknown)).isEqualTo(List.of(Map.of("@class", "java.lang.Runtime"), 1, "a"));
		assertThat(this.classLoader.requested()).isEmpty();
	}

	private Object roundTrip(Object value) {
		return this.codec.decode(this.codec.encode(value));
	}

	static MessageEncodingException catchEncoding(Runnable action) {
		try {
			action.run();
		}
		catch (MessageEncodingException ex) {
			return ex;
		}
		throw new AssertionError("Expected a MessageEncodingException");
	}
}
