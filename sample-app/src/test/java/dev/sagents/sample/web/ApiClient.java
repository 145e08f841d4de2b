package dev.sagents.sample.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

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
					response.headers().firstValue("Retry-After").orElse(""),
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

	/** The server-sent events of {@code path}, read in the background until the stream is closed. */
	EventStream events(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept", "text/event-stream")
			.GET()
			.build();
		EventStream stream = new EventStream();
		this.http.sendAsync(request, BodyHandlers.ofLines()).thenAccept((response) -> {
			stream.lines.set(response.body());
			response.body().forEach((line) -> {
				if (line.startsWith(":")) {
					stream.comments.add(line.substring(1));
				}
				else if (line.startsWith("data:")) {
					stream.events.add(this.jsonMapper.readTree(line.substring("data:".length())));
				}
			});
		});
		return stream;
	}

	/** Events as they arrive: the JSON data of each. */
	static final class EventStream implements AutoCloseable {

		private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

		private final AtomicReference<Stream<String>> lines = new AtomicReference<>();

		private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();

		/** Waits until the server subscribed: every event after that reaches this stream. */
		EventStream awaitSubscribed(Duration timeout) throws InterruptedException {
			awaitComment(AgentController.SUBSCRIBED, timeout);
			return this;
		}

		/** Waits for the comment {@code text}, skipping other comments. */
		void awaitComment(String text, Duration timeout) throws InterruptedException {
			awaitMatching(this.comments, text::equals, timeout, "comment '" + text + "'");
		}

		/** The next event whose {@code type} is {@code type}, skipping the others in between. */
		JsonNode next(String type, Duration timeout) throws InterruptedException {
			return next(type, (event) -> true, timeout);
		}

		/** The next event of {@code type} that {@code matching} accepts, skipping the others. */
		JsonNode next(String type, Predicate<JsonNode> matching, Duration timeout) throws InterruptedException {
			return awaitMatching(this.events,
					(event) -> event.get("type").asString().equals(type) && matching.test(event), timeout,
					"matching '" + type + "' event");
		}

		/** Takes items from {@code arrived} until one matches; fails once {@code timeout} is over. */
		private static <T> T awaitMatching(BlockingQueue<T> arrived, Predicate<T> matching, Duration timeout,
				String what) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (true) {
				T item = arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (item == null) {
					throw new AssertionError("No " + what + " within " + timeout);
				}
				if (matching.test(item)) {
					return item;
				}
			}
		}

		@Override
		public void close() {
			Stream<String> body = this.lines.get();
			if (body != null) {
				body.close();
			}
		}

	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type} header, empty if none
	 * @param retryAfter the {@code Retry-After} header, empty if none
	 * @param body the JSON body, {@code null} if empty
	 */
	record Response(int status, String contentType, String retryAfter, JsonNode body) {

		String text(String field) {
			return this.body.get(field).asString();
		}

	}

}
