package dev.sagents.autoconfigure;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sagents.dashboard.DashboardProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE completes {@code sagents.*} from: every setting the binder
 * accepts, in every group class, is listed with its description.
 */
class SagentsPropertiesMetadataTests {

	@Test
	void everySettingIsListedWithItsDescription() throws IOException {
		Map<String, String> descriptions = metadataDescriptions();
		List<String> settings = settings("sagents", SagentsProperties.class);
		settings.addAll(settings("sagents.persistence", SagentsPersistenceProperties.class));
		settings.addAll(settings("sagents.dashboard", DashboardProperties.class));
		assertThat(settings).contains("sagents.distribution", "sagents.horde.network.port",
				"sagents.horde.failure-detection.max-no-heartbeat", "sagents.agents.restart.window",
				"sagents.filesystem.restart.max-restarts", "sagents.runtime.threads", "sagents.codec.format",
				"sagents.persistence.disk.lock-timeout", "sagents.persistence.jdbc.table-prefix", "sagents.dashboard.path");
		assertThat(settings).allSatisfy((name) -> assertThat(descriptions.get(name)).as(name).isNotBlank());
	}

	/** The names the binder accepts under {@code prefix}: a property with a setter, or a group to walk. */
	private static List<String> settings(String prefix, Class<?> type) {
		List<String> names = new ArrayList<>();
		for (PropertyDescriptor property : properties(type)) {
			String name = prefix + "." + kebab(property.getName());
			if (property.getWriteMethod() != null) {
				names.add(name);
			}
			else if (property.getReadMethod() != null && !property.getName().equals("class")) {
				names.addAll(settings(name, property.getPropertyType()));
			}
		}
		return names;
	}

	private static PropertyDescriptor[] properties(Class<?> type) {
		try {
			return Introspector.getBeanInfo(type).getPropertyDescriptors();
		}
		catch (IntrospectionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

	private static Map<String, String> metadataDescriptions() throws IOException {
		Map<String, String> descriptions = new HashMap<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(SagentsPropertiesMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : mapper.readTree(in).path("properties")) {
					descriptions.put(property.path("name").asString(), property.path("description").asString(null));
				}
			}
		}
		return descriptions;
	}

}
