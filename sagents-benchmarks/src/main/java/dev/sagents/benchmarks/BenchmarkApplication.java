package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The benchmarks' application: sagents auto-configured with its defaults, one agent type. */
@SpringBootConfiguration
@EnableAutoConfiguration
class BenchmarkApplication {

	/** The property that gives the application a database. */
	static final String DATASOURCE_URL = "spring.datasource.url";

	@Bean
	Counter counter() {
		return new Counter();
	}

	/**
	 * Keeps stdout for the benchmark's own lines and sends whatever else writes to
	 * {@code System.out} (console logging, Hazelcast's warnings) to stderr; returns stdout.
	 */
	static PrintStream reserveStdout() {
		PrintStream stdout = System.out;
		System.setOut(System.err);
		return stdout;
	}

	/**
	 * Runs the application without a web server, logging warnings only, and how each failover went,
	 * with {@code properties} ({@code --name=value}). Without {@value #DATASOURCE_URL} among them
	 * there is no {@code DataSource} (Spring JDBC is on the classpath for the persistence mode only).
	 */
	static ConfigurableApplicationContext start(String... properties) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.properties("logging.level.root=warn", "logging.level.dev.sagents.horde=info");
		if (Arrays.stream(properties).noneMatch((property) -> property.startsWith("--" + DATASOURCE_URL + "="))) {
			application.properties("spring.autoconfigure.exclude=" + DataSourceAutoConfiguration.class.getName());
		}
		return application.run(properties);
	}

}
