package dev.sagents.sample.web;

import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.InvalidAgentIdException;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Checks the parts of a request sagents does not check itself before doing work. */
final class RequestValidation {

	private RequestValidation() {
	}

	/** Checks up front, so a malformed id is a 400 even where only a lookup would follow. */
	static String requireAgentId(String id) {
		if (!AgentSpec.isValidId(id)) {
			throw new InvalidAgentIdException(id);
		}
		return id;
	}

	static String requireText(MessageRequest request) {
		if (request.text() == null || request.text().isBlank()) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
					"invalid-message", "Invalid message", "'text' is required and must not be blank"), null);
		}
		return request.text();
	}

}
