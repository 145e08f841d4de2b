package dev.sagents.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The notes assistant: one agent per conversation, notes kept in the user's shared file system.
 * Spring Boot's DataSource auto-configuration is excluded: it would stop a node that has no
 * database, and only the JDBC store needs one ({@code NotesStoreConfiguration} configures it then).
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties(NotesProperties.class)
@EnableScheduling
public class NotesApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotesApplication.class, args);
	}

}
