package dev.sagents.sample.persistence;

import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

import dev.sagents.agent.AgentPersistence.PersistencePoint;
import dev.sagents.sample.notes.NotesState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFileAgentPersistenceTests {

	@TempDir
	Path directory;

	private JsonFileAgentPersistence open() {
		return new JsonFileAgentPersistence(this.directory.resolve("agents"), JsonMapper.builder().build());
	}

	@Test
	void stateSurvivesAnApplicationRestart() throws Exception {
		open().persistState("user:alice", new NotesState(7), PersistencePoint.ON_SHUTDOWN);

		assertThat(open().loadState("user:alice", NotesState.class)).contains(new NotesState(7));
	}

	@Test
	void latestStateWins() throws Exception {
		JsonFileAgentPersistence persistence = open();
		persistence.persistState("a", new NotesState(1), PersistencePoint.ON_CHANGE);
		persistence.persistState("a", new NotesState(2), PersistencePoint.ON_CHANGE);

		assertThat(persistence.loadState("a", NotesState.class)).contains(new NotesState(2));
	}

	@Test
	void agentsWithSimilarIdsKeepSeparateStates() throws Exception {
		JsonFileAgentPersistence persistence = open();
		persistence.persistState("a:b", new NotesState(1), PersistencePoint.ON_CHANGE);
		persistence.persistState("a_b", new NotesState(2), PersistencePoint.ON_CHANGE);

		assertThat(persistence.loadState("a:b", NotesState.class)).contains(new NotesState(1));
		assertThat(persistence.loadState("a_b", NotesState.class)).contains(new NotesState(2));
	}

	@Test
	void unknownAgentHasNoState() throws Exception {
		assertThat(open().loadState("never-seen", NotesState.class)).isEmpty();
	}

	@Test
	void deletedStateIsGone() throws Exception {
		JsonFileAgentPersistence persistence = open();
		persistence.persistState("gone", new NotesState(3), PersistencePoint.ON_CHANGE);

		persistence.deleteState("gone");

		assertThat(persistence.loadState("gone", NotesState.class)).isEmpty();
	}

}
