package dev.sagents.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests of {@code deploy/kubernetes/} against the code: every environment variable sets a
 * property the application has (the configuration metadata of the jars on the classpath, and
 * {@link NotesProperties}), the probes use the actuator groups the application defines, the
 * headless Service is the one the discovery asks for, and the grace period covers a graceful stop
 * as docs/production.md adds it up, from the values the manifest sets or the defaults. A property
 * renamed in the code, or a timeout raised, so fails here rather than in a cluster.
 */
class KubernetesManifestsTests {

	private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");

	/** An environment variable another one's value refers to, as Kubernetes expands {@code $(NAME)}. */
	private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)");

	/** What the stop needs besides the configured timeouts: the member leaving, the JVM exiting. */
	private static final Duration LEAVING = Duration.ofSeconds(10);

	/** The resources, by kind and name: {@code StatefulSet/notes}. */
	private static Map<String, Map<String, Object>> resources;

	/** Every property the metadata on the classpath knows, by its name, with its metadata. */
	private static Map<String, JsonNode> properties;

	@BeforeAll
	static void read() throws IOException {
		resources = new HashMap<>();
		try (Stream<Path> files = Files.list(MANIFESTS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList()) {
				try (Reader reader = Files.newBufferedReader(file)) {
					for (Object document : new Yaml().loadAll(reader)) {
						Map<String, Object> resource = map(document);
						resources.put(resource.get("kind") + "/" + map(resource.get("metadata")).get("name"), resource);
					}
				}
			}
		}
		properties = new HashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL metadata : Collections.list(KubernetesManifestsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream stream = metadata.openStream()) {
				for (JsonNode property : json.readTree(stream).path("properties")) {
					properties.put(property.get("name").asString(), property);
				}
			}
		}
		for (var component : NotesProperties.class.getRecordComponents()) {
			properties.put("notes." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT),
					JsonMapper.builder().build().createObjectNode());
		}
	}

	@Test
	void theManifestsAreTheFourResourcesTheDocsDescribe() {
		assertThat(resources).containsOnlyKeys("StatefulSet/notes", "Service/notes-hazelcast", "Service/notes",
				"PodDisruptionBudget/notes");
	}

	@Test
	void everyEnvironmentVariableSetsAPropertyTheApplicationHas() {
		Map<String, Object> env = environment();
		assertThat(env).isNotEmpty();
		List<String> referenced = env.values()
			.stream()
			.filter(String.class::isInstance)
			.flatMap((value) -> REFERENCE.matcher((String) value).results().map((match) -> match.group(1)))
			.toList();
		List<String> unknown = new ArrayList<>();
		for (String variable : env.keySet()) {
			if (!referenced.contains(variable) && property(variable).isEmpty()) {
				unknown.add(variable);
			}
		}
		assertThat(unknown).as("variables that set no property of the application").isEmpty();
		assertThat(property("SAGENTS_HORDE_KUBERNETES_SERVICEDNS")).contains("sagents.horde.kubernetes.service-dns");
	}

	@Test
	void probesUseTheActuatorGroupsAndSagentsIsInReadinessOnly() throws IOException {
		Map<String, Object> container = container();
		assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
		assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
		assertThat(path(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
		Map<String, Object> health = map(map(map(applicationYaml().get("management")).get("endpoint")).get("health"));
		assertThat(map(health.get("probes")).get("enabled")).isEqualTo(true);
		Map<String, Object> groups = map(health.get("group"));
		assertThat((String) map(groups.get("readiness")).get("include")).contains("sagents");
		assertThat(groups).doesNotContainKey("liveness");
	}

	@Test
	void theHeadlessServiceIsTheOneTheDiscoveryAsksForOnTheMembersPort() {
		Map<String, Object> headless = resources.get("Service/notes-hazelcast");
		Map<String, Object> spec = map(headless.get("spec"));
		assertThat(spec.get("clusterIP")).isEqualTo("None");
		assertThat(spec.get("publishNotReadyAddresses")).isEqualTo(true);
		Map<String, Object> env = environment();
		assertThat((String) env.get("SAGENTS_HORDE_KUBERNETES_SERVICEDNS"))
			.startsWith(map(headless.get("metadata")).get("name") + ".");
		assertThat(env.get("SAGENTS_HORDE_DISCOVERY")).isEqualTo("kubernetes");
		int port = (Integer) map(((List<?>) spec.get("ports")).get(0)).get("port");
		assertThat(env.get("SAGENTS_HORDE_NETWORK_PORT")).isEqualTo(String.valueOf(port));
	}

	@Test
	void theGracePeriodCoversAGracefulStop() {
		Map<String, Object> podSpec = map(map(statefulSet().get("template")).get("spec"));
		Duration preStop = Duration.ofSeconds(
				(Integer) map(map(map(container().get("lifecycle")).get("preStop")).get("sleep")).get("seconds"));
		Duration requestTimeout = setting("sagents.horde.request-timeout");
		Duration stop = preStop.plus(setting("spring.lifecycle.timeout-per-shutdown-phase"))
			.plus(setting("sagents.agents.shutdown-grace"))
			.plus(requestTimeout)
			.plus(setting("sagents.filesystem.call-timeout"))
			.plus(requestTimeout)
			.plus(LEAVING);
		assertThat(Duration.ofSeconds((Integer) podSpec.get("terminationGracePeriodSeconds")))
			.isGreaterThanOrEqualTo(stop);
	}

	@Test
	void aDisruptionTakesOnePodAtATime() {
		Map<String, Object> spec = map(resources.get("PodDisruptionBudget/notes").get("spec"));
		assertThat(spec.get("maxUnavailable")).isEqualTo(1);
		assertThat(map(spec.get("selector")).get("matchLabels"))
			.isEqualTo(map(statefulSet().get("selector")).get("matchLabels"));
	}

	/** The value the manifest sets for {@code property}, else the metadata's default. */
	private static Duration setting(String property) {
		ConfigurationProperty given = asSpringBootReadsThem(environment()).getConfigurationProperty(
				ConfigurationPropertyName.of(property));
		Object value = (given != null) ? given.getValue() : properties.get(property).path("defaultValue").asString(null);
		assertThat(value).as("a value or a default for %s", property).isNotNull();
		return ApplicationConversionService.getSharedInstance().convert(value, Duration.class);
	}

	/** The property an environment variable sets, as Spring Boot binds it. */
	private static Optional<String> property(String variable) {
		ConfigurationPropertySource alone = asSpringBootReadsThem(Map.of(variable, "set"));
		return properties.keySet()
			.stream()
			.filter((name) -> alone.getConfigurationProperty(ConfigurationPropertyName.of(name)) != null)
			.findFirst();
	}

	/** Variables as Spring Boot maps them onto properties (SAGENTS_NODE_NAME to sagents.node-name). */
	private static ConfigurationPropertySource asSpringBootReadsThem(Map<String, Object> variables) {
		return ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
	}

	/** The container's variables: their values, or the source of those set from elsewhere. */
	private static Map<String, Object> environment() {
		Map<String, Object> env = new HashMap<>();
		for (Object variable : (List<?>) container().get("env")) {
			Map<String, Object> entry = map(variable);
			env.put((String) entry.get("name"), entry.containsKey("value") ? entry.get("value") : entry.get("valueFrom"));
		}
		return env;
	}

	private static Map<String, Object> statefulSet() {
		return map(resources.get("StatefulSet/notes").get("spec"));
	}

	private static Map<String, Object> container() {
		Map<String, Object> podSpec = map(map(statefulSet().get("template")).get("spec"));
		return map(((List<?>) podSpec.get("containers")).get(0));
	}

	private static String path(Map<String, Object> container, String probe) {
		Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
		assertThat(get.get("port")).isEqualTo("http");
		return (String) get.get("path");
	}

	private static Map<String, Object> applicationYaml() throws IOException {
		try (InputStream stream = KubernetesManifestsTests.class.getResourceAsStream("/application.yml")) {
			return map(new Yaml().load(stream));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

}
