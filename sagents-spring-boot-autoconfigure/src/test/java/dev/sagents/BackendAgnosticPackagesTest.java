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
 * on its classpath loads none of them: the API, the local backend, and the codec's checks that
 * local calls go through.
 */
class BackendAgnosticPackagesTest {

	private static final Path SOURCES = Path.of("src/main/java/dev/sagents");

	@ParameterizedTest
	@ValueSource(strings = { "agent", "cluster", "codec", "filesystem", "local", "process", "registry", "supervisor" })
	void aBackendAgnosticPackageNamesNoHazelcastClass(String name) throws IOException {
		Path directory = SOURCES.resolve(name);
		assertThat(directory).isDirectory();
		try (Stream<Path> files = Files.list(directory)) {
			List<Path> naming = files.filter((file) -> file.toString().endsWith(".java"))
				.filter(BackendAgnosticPackagesTest::namesHazelcast)
				.toList();
			assertThat(naming).as("sources of dev.sagents.%s that name com.hazelcast", name).isEmpty();
		}
	}

	private static boolean namesHazelcast(Path source) {
		try {
			return Files.readString(source).contains("com.hazelcast.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
