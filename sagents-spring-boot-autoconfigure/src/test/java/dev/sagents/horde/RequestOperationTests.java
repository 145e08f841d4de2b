package dev.sagents.horde;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The operation a request asks for travels as its code, which only that operation has. */
class RequestOperationTests {

	@Test
	void everyOperationReadsBackFromItsOwnCode() {
		for (RequestOperation operation : RequestOperation.values()) {
			assertThat(RequestOperation.of(operation.code())).isSameAs(operation);
		}
		assertThat(Arrays.stream(RequestOperation.values()).mapToInt(RequestOperation::code)).as("codes that travel")
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
	}

	@Test
	void aCodeNoOperationHasIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOperation.of(0)).withMessage("Unknown sagents request 0");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOperation.of(10));
	}

}
