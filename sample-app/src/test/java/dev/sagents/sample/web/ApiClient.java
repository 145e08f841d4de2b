package dev.sagents.sample.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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

	private final int port;

	private final String baseUrl;

	ApiClient(int port) {
		this.port = port;
		this.baseUrl = "http://localhost:" + port;
	}

	/** The address of {@code path} on the application, such as a page for a browser to open. */
	String url(String path) {
		return this.baseUrl + path;
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

	/**
	 * Sends a request over a socket of its own and returns before the answer: the connection is
	 * made, and the request is in the server's receive buffer, even while the server's JVM is
	 * suspended (the kernel accepts on its behalf), so it is the first thing the server reads when
	 * it runs again. The answer ends with the connection (HTTP/1.0).
	 */
	PendingRequest sendPending(String method, String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = method + " " + path + " HTTP/1.0\r\nHost: localhost:" + this.port
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
		try {
			Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port);
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return new PendingRequest(socket, this.jsonMapper);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path + " could not be sent", ex);
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

	/** A request sent by {@link #sendPending}, whose answer is read when asked for. */
	static final class PendingRequest {

		private final Socket socket;

		private final JsonMapper jsonMapper;

		private PendingRequest(Socket socket, JsonMapper jsonMapper) {
			this.socket = socket;
			this.jsonMapper = jsonMapper;
		}

		/** Reads the answer to its end, and closes the connection. */
		Response response() {
			try (Socket socket = this.socket) {
				String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				int end = text.indexOf("\r\n\r\n");
				if (!text.startsWith("HTTP/") || end < 0) {
					throw new IllegalStateException("Not an HTTP answer: " + text);
				}
				List<String> head = List.of(text.substring(0, end).split("\r\n"));
				String body = text.substring(end + 4);
				return new Response(Integer.parseInt(head.get(0).split(" ")[1]), header(head, "Content-Type"),
						header(head, "Retry-After"), body.isEmpty() ? null : this.jsonMapper.readTree(body));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The answer could not be read", ex);
			}
		}

		private static String header(List<String> head, String name) {
			return head.stream()
				.skip(1)
				.filter((line) -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map((line) -> line.substring(name.length() + 1).strip())
				.findFirst()
				.orElse("");
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
