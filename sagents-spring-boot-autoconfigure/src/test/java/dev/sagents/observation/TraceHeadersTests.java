package dev.sagents.observation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** What trace context may travel between members: W3C's {@code traceparent}, and a bounded {@code tracestate}. */
class TraceHeadersTests {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Test
	void aW3cTraceparentWithItsTracestateIsKept() {
		TraceHeaders headers = new TraceHeaders(TRACEPARENT, "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
		assertThat(headers.get(TraceHeaders.TRACEPARENT)).isEqualTo(TRACEPARENT);
		assertThat(headers.get(TraceHeaders.TRACESTATE)).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
		assertThat(headers.get("baggage")).as("no other header travels").isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
			"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
			"00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01" })
	void aMalformedTraceparentIsRefusedAndDropped(String traceparent) {
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceHeaders(traceparent, null))
			.withMessageContaining("traceparent");
		assertThat(TraceHeaders.ofNullable(traceparent, "v=1")).isNull();
	}

	@Test
	void aTracestateOverItsBoundOrNotPrintableAsciiIsRefusedOrLeftOut() {
		String tooLong = "v=" + "x".repeat(TraceHeaders.MAX_TRACESTATE_LENGTH - 1);
		String longest = "v=" + "x".repeat(TraceHeaders.MAX_TRACESTATE_LENGTH - 2);
		assertThat(new TraceHeaders(TRACEPARENT, longest).tracestate()).hasSize(TraceHeaders.MAX_TRACESTATE_LENGTH);
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceHeaders(TRACEPARENT, tooLong))
			.withMessageContaining("at most 512");
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceHeaders(TRACEPARENT, "v=\u00e9"));
		assertThatIllegalArgumentException().isThrownBy(() -> new TraceHeaders(TRACEPARENT, "v=1\n"));
		assertThat(TraceHeaders.ofNullable(TRACEPARENT, tooLong)).as("the trace goes on without it")
			.isEqualTo(new TraceHeaders(TRACEPARENT, null));
	}

	@Test
	void noTraceparentIsNoHeaders() {
		assertThat(TraceHeaders.ofNullable(null, "v=1")).isNull();
	}

}
