package dev.sagents.sample.notes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;
import dev.sagents.filesystem.FileEntry;
import dev.sagents.filesystem.FileSystemRef;

import org.springframework.stereotype.Component;

/**
 * The notes assistant. It counts the messages it handled and understands three kinds of text:
 * {@code remember <note>} writes the note to a file of its file-system scope, {@code notes} lists
 * the notes of that scope (written by any agent sharing it), and anything else is echoed.
 */
@Component(NotesAgent.TYPE)
public class NotesAgent implements AgentBehavior<NotesState> {

	/** The agent type: this bean's name. */
	public static final String TYPE = "notes";

	private static final String REMEMBER = "remember";

	private static final String LIST = "notes";

	private static final String NOTES_DIRECTORY = "notes/";

	@Override
	public Class<NotesState> stateType() {
		return NotesState.class;
	}

	@Override
	public NotesState initialState(AgentContext context) {
		return new NotesState(0);
	}

	@Override
	public AgentResult<NotesState> handle(NotesState state, Object message, AgentContext context) {
		if (!(message instanceof NoteRequest request)) {
			throw new IllegalArgumentException("A notes agent handles NoteRequest messages, got " + message);
		}
		NotesState next = state.countMessage();
		String reply = answer(request.text().strip(), next.handled(), context);
		return AgentResult.reply(next, new NoteReply(reply, context.node(), next.handled()));
	}

	private String answer(String text, long messageNumber, AgentContext context) {
		boolean remember = text.equals(REMEMBER) || text.startsWith(REMEMBER + " ");
		if (!remember && !text.equals(LIST)) {
			return "You said: " + text;
		}
		String scope = context.spec().fileSystemScope();
		if (scope == null) {
			return "This agent has no file-system scope, so it keeps no notes. "
					+ "Start it with {\"filesystemScope\": \"user:<name>\"}.";
		}
		return remember ? remember(text.substring(REMEMBER.length()).strip(), messageNumber, context)
				: listNotes(context.fileSystem());
	}

	private String remember(String note, long messageNumber, AgentContext context) {
		if (note.isEmpty()) {
			return "Nothing to remember: write 'remember <note>'.";
		}
		// The agent id and its message number make the path unique across the agents sharing the scope.
		String path = NOTES_DIRECTORY + context.agentId() + "-" + messageNumber + ".md";
		context.fileSystem().writeText(path, note);
		return "Remembered in " + context.spec().fileSystemScope() + " as " + path + ".";
	}

	private String listNotes(FileSystemRef fileSystem) {
		List<String> notes = fileSystem.list(NOTES_DIRECTORY)
			.stream()
			.sorted(Comparator.comparing(FileEntry::modified).thenComparing(FileEntry::path))
			.map((entry) -> fileSystem.readText(entry.path()))
			.flatMap(Optional::stream)
			.toList();
		if (notes.isEmpty()) {
			return "No notes yet in " + fileSystem.scope() + ".";
		}
		return "Notes in " + fileSystem.scope() + " (" + notes.size() + "):\n"
				+ notes.stream().map((note) -> "- " + note).collect(Collectors.joining("\n"));
	}

}
