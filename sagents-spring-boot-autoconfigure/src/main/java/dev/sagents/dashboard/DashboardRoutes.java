package dev.sagents.dashboard;

import java.util.Map;

import dev.sagents.registry.RegistryUnavailableException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The dashboard's routes under its path, all read-only ({@code GET}): the page at
 * {@code <path>/} (and a redirect from {@code <path>}), its script and style under
 * {@code <path>/assets/}, from this jar, and its data under {@code <path>/api/}: {@code snapshot}
 * (one picture), {@code events} (pictures as server-sent events) and {@code locate?id=} (where an
 * agent runs; 400 for an invalid id, 503 while the registry cannot answer).
 */
public final class DashboardRoutes {

	private static final String ASSETS = "dev/sagents/dashboard/assets/";

	/**
	 * The page may load only its own script, style and data: no inline script, nothing from
	 * elsewhere, no framing.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private DashboardRoutes() {
	}

	/**
	 * The routes under {@code path} (such as {@code /sagents}).
	 *
	 * @param path where the page is served, without a trailing '/'
	 * @param snapshots takes the pictures and locates agents
	 * @param broadcaster the event streams
	 */
	public static RouterFunction<ServerResponse> of(String path, DashboardSnapshots snapshots,
			DashboardBroadcaster broadcaster) {
		Resource page = new ClassPathResource("dev/sagents/dashboard/index.html");
		return RouterFunctions.route()
			.GET(path, (request) -> ServerResponse.status(HttpStatus.MOVED_PERMANENTLY)
				.header(HttpHeaders.LOCATION, path + "/")
				.build())
			.GET(path + "/", (request) -> ServerResponse.ok()
				.contentType(MediaType.TEXT_HTML)
				.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
				.header("X-Content-Type-Options", "nosniff")
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(page))
			.GET(path + "/api/snapshot", (request) -> ServerResponse.ok().body(snapshots.take()))
			.GET(path + "/api/events", (request) -> broadcaster.subscribe())
			.GET(path + "/api/locate", (request) -> locate(request, snapshots))
			.add(RouterFunctions.resources(path + "/assets/**", new ClassPathResource(ASSETS),
					(resource, headers) -> headers.set("X-Content-Type-Options", "nosniff")))
			.build();
	}

	private static ServerResponse locate(ServerRequest request, DashboardSnapshots snapshots) {
		String id = request.param("id").orElse("");
		try {
			return ServerResponse.ok().body(snapshots.locate(id));
		}
		catch (IllegalArgumentException ex) {
			return ServerResponse.badRequest().body(Map.of("error", ex.getMessage()));
		}
		catch (RegistryUnavailableException ex) {
			return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(Map.of("error", "The registry cannot answer now: " + ex.getMessage()));
		}
	}

}
