package dev.sagents.sample.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends JSON requests to the running application and reads the answers as trees. */
final class ApiClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final String baseUrl;

	ApiClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	Response get(String path) {
		return send("GET", path, BodyPublishers.noBody());
	}

	Response delete(String path) {
		return send("DELETE", path, BodyPublishers.noBody());
	}

	/** A request whose body is {@code json}, sent as is (so it may be malformed on purpose). */
	Response send(String method, String path, String json) {
		return send(method, path, BodyPublishers.ofString(json));
	}

	private Response send(String method, String path, BodyPublisher body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.method(method, body)
			.build();
		try {
			var response = this.http.send(request, BodyHandlers.ofString());
			String text = response.body();
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					text.isEmpty() ? null : this.jsonMapper.readTree(text));
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " was interrupted", ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type} header, empty if none
	 * @param body the JSON body, {@code null} if empty
	 */
	record Response(int status, String contentType, JsonNode body) {

		String text(String field) {
			return this.body.get(field).asString();
		}

	}

}
