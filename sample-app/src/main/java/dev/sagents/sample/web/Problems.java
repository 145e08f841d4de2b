package dev.sagents.sample.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the API's RFC 9457 problem details. Each problem the application raises itself has its
 * own {@code type}, a {@code tag:} URI (RFC 9457 §4.2 suggests these for types that need no page),
 * so clients can tell problems apart without parsing {@code detail}.
 */
final class Problems {

	private static final String TYPE_PREFIX = "tag:sagents.dev,2026:problem:";

	private Problems() {
	}

	/**
	 * @param status the HTTP status
	 * @param name the last part of the type ({@code invalid-agent-id})
	 * @param title a short summary that is the same for every occurrence of the type
	 * @param detail what went wrong this time
	 */
	static ProblemDetail of(HttpStatus status, String name, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + name));
		problem.setTitle(title);
		return problem;
	}

}
