package dev.sagents.sample.web;

import java.util.regex.Pattern;

import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.InvalidAgentIdException;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Checks the parts of a request sagents does not check itself before doing work. */
final class RequestValidation {

	/** The rule of {@code FileSystemSupervisor}: 1–128 characters of {@code A-Z a-z 0-9 . _ : -}. */
	private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

	private RequestValidation() {
	}

	/** Checks up front, so a malformed id is a 400 even where only a lookup would follow. */
	static String requireAgentId(String id) {
		if (!AgentSpec.isValidId(id)) {
			throw new InvalidAgentIdException(id);
		}
		return id;
	}

	static String requireScope(String scope) {
		if (scope == null || !SCOPE.matcher(scope).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Invalid file-system scope '" + scope + "': expected 1-128 characters of A-Z a-z 0-9 . _ : -");
		}
		return scope;
	}

	static String requireText(MessageRequest request) {
		if (request.text() == null || request.text().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'text' is required and must not be blank");
		}
		return request.text();
	}

}
