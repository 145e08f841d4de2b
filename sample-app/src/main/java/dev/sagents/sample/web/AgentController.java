package dev.sagents.sample.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.agent.Subscription;
import dev.sagents.filesystem.FileSystemPaths;
import dev.sagents.process.ProcessKey;
import dev.sagents.process.ProcessNotRunningException;
import dev.sagents.sample.NotesProperties;
import dev.sagents.sample.notes.NoteReply;
import dev.sagents.sample.notes.NoteRequest;
import dev.sagents.sample.notes.NotesAgent;
import dev.sagents.supervisor.StartResult;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Starts, lists, stops and talks to notes agents. Messages go only to a running agent: a client
 * starts it with {@code PUT} first (idempotent), which also brings back an agent that stopped
 * for inactivity, with its persisted state.
 */
@RestController
@RequestMapping("/api/agents")
public class AgentController {

	/** For {@link SseEmitter}: an event stream lasts until the client closes it. */
	private static final long NO_TIMEOUT = 0;

	/** The comment that opens an event stream once the subscription is made. */
	static final String SUBSCRIBED = "subscribed";

	/** The comment sent on every open event stream each {@code notes.event-keep-alive}. */
	static final String KEEP_ALIVE = "keep-alive";

	private final AgentsSupervisor agents;

	private final Set<SseEmitter> eventStreams = ConcurrentHashMap.newKeySet();

	private final Duration replyTimeout;

	public AgentController(AgentsSupervisor agents, NotesProperties properties, TaskScheduler scheduler) {
		this.agents = agents;
		this.replyTimeout = properties.replyTimeout();
		scheduler.scheduleWithFixedDelay(this::keepEventStreamsAlive, properties.eventKeepAlive());
	}

	/** Starts the agent: 201 when this request started it, 200 when it was running already. */
	@PutMapping("/{id}")
	public ResponseEntity<AgentView> start(@PathVariable String id,
			@RequestBody(required = false) StartAgentRequest request) {
		RequestValidation.requireAgentId(id);
		// Checked before the start, so no agent runs with a scope its file system would refuse.
		String scope = (request != null && request.filesystemScope() != null)
				? FileSystemPaths.requireValidScope(request.filesystemScope()) : null;
		StartResult<AgentRef> result = this.agents.startAgent(new AgentSpec(id, NotesAgent.TYPE, scope, Map.of()));
		return ResponseEntity.status(result.started() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(AgentView.of(result.ref()));
	}

	@PostMapping("/{id}/messages")
	public NoteReply send(@PathVariable String id, @RequestBody MessageRequest request) {
		RequestValidation.requireAgentId(id);
		String text = RequestValidation.requireText(request);
		return runningAgent(id).callAndWait(new NoteRequest(text), NoteReply.class, this.replyTimeout);
	}

	@GetMapping("/{id}")
	public AgentView get(@PathVariable String id) {
		RequestValidation.requireAgentId(id);
		return AgentView.of(runningAgent(id));
	}

	/**
	 * The agent's events as server-sent events (named by {@link AgentEventView#type()}), for as
	 * long as the client listens: the stream may begin before the agent starts, and goes on
	 * across its restarts and moves between nodes. It opens with the comment
	 * {@code :subscribed}: every event after that one reaches the client.
	 */
	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter events(@PathVariable String id) {
		RequestValidation.requireAgentId(id);
		SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
		Subscription subscription = this.agents.subscribe(id, (event) -> {
			AgentEventView view = AgentEventView.of(event);
			send(emitter, SseEmitter.event().name(view.type()).data(view, MediaType.APPLICATION_JSON));
		});
		this.eventStreams.add(emitter);
		emitter.onCompletion(() -> {
			subscription.close();
			this.eventStreams.remove(emitter);
		});
		emitter.onError((ex) -> emitter.complete());
		// Tells the client that the events from now on reach it.
		send(emitter, SseEmitter.event().comment(SUBSCRIBED));
		return emitter;
	}

	/** Comments every open event stream; a failed send ends the stream and its subscription. */
	private void keepEventStreamsAlive() {
		this.eventStreams.forEach((emitter) -> send(emitter, SseEmitter.event().comment(KEEP_ALIVE)));
	}

	private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away (or the stream ended): completing runs the stream's cleanup.
			emitter.completeWithError(ex);
		}
	}

	/**
	 * Ends the open event streams when the application stops, before the web server's graceful
	 * shutdown, which would otherwise wait for them to the end of its timeout.
	 */
	@EventListener(ContextClosedEvent.class)
	public void endEventStreams() {
		this.eventStreams.forEach(SseEmitter::complete);
	}

	/** Every running agent, by id. */
	@GetMapping
	public List<AgentView> list() {
		return this.agents.listAgents()
			.stream()
			.sorted(Comparator.comparing(AgentInfo::id))
			.map(AgentView::of)
			.toList();
	}

	/** Stops the agent; its state stays persisted, so a later {@code PUT} resumes its count. */
	@DeleteMapping("/{id}")
	public ResponseEntity<Void> stop(@PathVariable String id) {
		RequestValidation.requireAgentId(id);
		if (!this.agents.stopAgent(id)) {
			throw new ProcessNotRunningException(ProcessKey.agent(id));
		}
		return ResponseEntity.noContent().build();
	}

	private AgentRef runningAgent(String id) {
		return this.agents.findAgent(id).orElseThrow(() -> new ProcessNotRunningException(ProcessKey.agent(id)));
	}

}
