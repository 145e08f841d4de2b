package dev.sagents.sample;

import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentPersistence;
import dev.sagents.sample.persistence.JsonFileAgentPersistence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The notes assistant: one agent per conversation, notes kept in the user's shared file system. */
@SpringBootApplication
@EnableConfigurationProperties(NotesProperties.class)
@EnableScheduling
public class NotesApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotesApplication.class, args);
	}

	/** Keeps each agent's state in a JSON file, so its message count survives stops and restarts. */
	@Bean
	AgentPersistence agentPersistence(NotesProperties properties, JsonMapper jsonMapper) {
		return new JsonFileAgentPersistence(properties.dataDirectory().resolve("agents"), jsonMapper);
	}

}
