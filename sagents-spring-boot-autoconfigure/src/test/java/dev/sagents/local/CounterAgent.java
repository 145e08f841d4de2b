package dev.sagents.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.sagents.agent.AgentContext;
import dev.sagents.agent.AgentResult;
import dev.sagents.supervisor.ExitReason;
import dev.sagents.testsupport.TestAgent;

/**
 * A test agent: its state counts handled messages; a few messages exercise failures, stops,
 * silence and publishing. Each stop it is told of is written down in {@link #stops}.
 */
class CounterAgent extends TestAgent<CounterAgent.Count> {

	record Count(long handled) {
	}

	/** Blocks the handler until the latch opens. */
	record Block(CountDownLatch release) {
	}

	/** Publishes {@code payload} to the agent's subscribers; counts, answers nothing. */
	record Publish(Object payload) {
	}

	static final String FAIL = "fail";

	static final String STOP = "stop";

	static final String GET = "get";

	/** Counts and answers nothing. */
	static final String QUIET = "quiet";

	/** Makes the behaviour break its contract: it returns no result at all. */
	static final String BROKEN = "broken";

	/** Counts and answers with a value no codec writes (a thread). */
	static final String ODD_REPLY = "odd reply";

	/** Each stop: {@code ID REASON handled=N}. */
	final List<String> stops = new CopyOnWriteArrayList<>();

	/** While set, stops wait for it to open (at most 30 s), as a behaviour with a slow cleanup. */
	volatile CountDownLatch slowStops;

	CounterAgent() {
		super(Count.class, new Count(0));
	}

	@Override
	public AgentResult<Count> handle(Count state, Object message, AgentContext context) throws Exception {
		if (FAIL.equals(message)) {
			throw new IllegalStateException("asked to fail");
		}
		if (GET.equals(message)) {
			return AgentResult.reply(state, state.handled());
		}
		if (BROKEN.equals(message)) {
			return null;
		}
		Count next = new Count(state.handled() + 1);
		if (message instanceof Block block) {
			block.release().await(30, TimeUnit.SECONDS);
		}
		if (message instanceof Publish publish) {
			context.publish(publish.payload());
			return AgentResult.noReply(next);
		}
		if (QUIET.equals(message)) {
			return AgentResult.noReply(next);
		}
		if (ODD_REPLY.equals(message)) {
			return AgentResult.reply(next, Thread.currentThread());
		}
		if (STOP.equals(message)) {
			return AgentResult.stop(next, "bye");
		}
		return AgentResult.reply(next, next.handled());
	}

	@Override
	public void onStop(Count state, ExitReason reason, AgentContext context) {
		this.stops.add(context.agentId() + " " + reason + " handled=" + state.handled());
		CountDownLatch slow = this.slowStops;
		if (slow != null) {
			try {
				slow.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
