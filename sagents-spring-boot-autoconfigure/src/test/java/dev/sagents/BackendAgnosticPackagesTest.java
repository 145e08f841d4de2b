package dev.sagents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages local mode runs on name no Hazelcast class, so an application without Hazelcast
 * on its classpath loads none of them: the API, the local backend, the metrics events, and the
 * codec's checks that local calls go through. Likewise the runtime names no Micrometer class, and
 * the observations' SPI neither.
 */
class BackendAgnosticPackagesTest {

	private static final Path SOURCES = Path.of("src/main/java/dev/sagents");

	@ParameterizedTest
	@ValueSource(strings = { "agent", "cluster", "codec", "filesystem", "local", "metrics", "metrics/micrometer",
			"observation", "observation/micrometer", "process", "registry", "supervisor" })
	void aBackendAgnosticPackageNamesNoHazelcastClass(String name) throws IOException {
		assertThat(sourcesNaming(name, "com.hazelcast.")).as("sources of dev.sagents.%s that name com.hazelcast", name)
			.isEmpty();
	}

	/** Micrometer is optional: only its own package and the auto-configuration name it. */
	@ParameterizedTest
	@ValueSource(strings = { "agent", "cluster", "codec", "filesystem", "horde", "local", "metrics", "observation",
			"process", "registry", "supervisor" })
	void theRuntimeNamesNoMicrometerClass(String name) throws IOException {
		assertThat(sourcesNaming(name, "io.micrometer.")).as("sources of dev.sagents.%s that name io.micrometer", name)
			.isEmpty();
	}

	private static List<Path> sourcesNaming(String name, String prefix) throws IOException {
		Path directory = SOURCES.resolve(name);
		assertThat(directory).isDirectory();
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> names(file, prefix))
				.toList();
		}
	}

	private static boolean names(Path source, String prefix) {
		try {
			return Files.readString(source).contains(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
