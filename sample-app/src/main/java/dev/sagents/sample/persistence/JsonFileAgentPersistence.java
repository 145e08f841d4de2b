package dev.sagents.sample.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentPersistence;

/**
 * Keeps each agent's state as one JSON file in a directory, so it survives agent stops and
 * application restarts. In horde mode an agent's state is written by the node that hosts it and
 * read by the node it moves to, so every node must see the same directory: on one machine, one
 * directory for all nodes; across machines, shared storage, or the JDBC store in place of this
 * class ({@link NotesStoreConfiguration}).
 */
public final class JsonFileAgentPersistence implements AgentPersistence {

	private final Path directory;

	private final JsonMapper jsonMapper;

	/** Creates {@code directory} if needed, so an unusable one stops startup instead of the first agent. */
	public JsonFileAgentPersistence(Path directory, JsonMapper jsonMapper) {
		try {
			this.directory = Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the agent state directory " + directory, ex);
		}
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void persistState(String agentId, Object state, PersistencePoint point) throws IOException {
		Path file = fileOf(agentId);
		// Written aside and moved in, so a crash mid-write leaves the previous state, not half a file.
		// One agent's state is never persisted concurrently, so a per-agent temporary name is safe.
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		this.jsonMapper.writeValue(temporary, state);
		Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public <S> Optional<S> loadState(String agentId, Class<S> stateType) {
		Path file = fileOf(agentId);
		return Files.exists(file) ? Optional.of(this.jsonMapper.readValue(file, stateType)) : Optional.empty();
	}

	@Override
	public void deleteState(String agentId) throws IOException {
		Files.deleteIfExists(fileOf(agentId));
	}

	private Path fileOf(String agentId) {
		// Agent ids may contain ':', which not every file system accepts in a name; encoding keeps names distinct.
		return this.directory.resolve(URLEncoder.encode(agentId, StandardCharsets.UTF_8) + ".json");
	}

}
