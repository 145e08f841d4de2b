package dev.sagents.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import dev.sagents.process.ProcessKey;
import dev.sagents.testsupport.ManualExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A caller that waits for its {@code call()} drains the process's queue up to its call itself
 * ({@link Mailbox#helpUntil}): in mailbox order, each message once, never beside another handler,
 * and nothing past its call.
 */
class HelpingCallerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ManualExecutor executor = new ManualExecutor();

	@AutoClose
	private final LocalProcessRuntime runtime = new LocalProcessRuntime("node", this.executor);

	@Test
	void aWaitingCallerHandlesWhatCameBeforeItsCallInOrderOnItsOwnThreadAndStopsAtItsCall() {
		Steps process = started(new Steps(this.runtime));
		process.cast("first");
		process.cast("second");
		CompletableFuture<String> reply = process.call("third", String.class, TIMEOUT);
		process.cast("after");
		assertThat(reply.join()).isEqualTo("handled third");
		assertThat(process.steps).containsExactly("init", "first", "second", "third");
		assertThat(process.threads).containsOnly(Thread.currentThread());
		this.executor.runQueued();
		assertThat(process.steps).as("each message once, the rest by the executor")
			.containsExactly("init", "first", "second", "third", "after");
	}

	@Test
	void theExecutorTaskScheduledForACallThatItsCallerHandledHandlesNothingTwice() {
		Steps process = started(new Steps(this.runtime));
		CompletableFuture<String> reply = process.call("call", String.class, TIMEOUT);
		Runnable scheduled = this.executor.next();
		assertThat(reply.join()).isEqualTo("handled call");
		scheduled.run();
		this.executor.runQueued();
		assertThat(process.steps).containsExactly("init", "call");
	}

	@Test
	void aWaitingCallerDoesNotRunItsCallBesideTheHandlerThatRunsNow() throws Exception {
		Steps process = started(new Steps(this.runtime));
		process.cast("block");
		Thread running = new Thread(this.executor.next());
		running.start();
		await().atMost(TIMEOUT).until(() -> process.steps.contains("block"));
		CompletableFuture<String> reply = process.call("next", String.class, TIMEOUT);
		CompletableFuture<String> joined = new CompletableFuture<>();
		Thread caller = new Thread(() -> joined.complete(reply.join()));
		try {
			caller.start();
			await().atMost(TIMEOUT).until(() -> parked(caller));
			assertThat(process.steps).as("nothing handled beside the blocked handler").containsExactly("init", "block");
		}
		finally {
			process.unblock.countDown();
		}
		assertThat(joined).succeedsWithin(TIMEOUT).isEqualTo("handled next");
		assertThat(process.steps).containsExactly("init", "block", "next");
		assertThat(process.mostAtOnce).hasValue(1);
	}

	@Test
	void callersWaitingAtOnceOnTheSharedExecutorHandleEachMessageOnceOneAtATimeInEachSendersOrder() throws Exception {
		int senders = 4;
		int perSender = 2_000;
		try (LocalProcessRuntime shared = new LocalProcessRuntime("node", ForkJoinPool.commonPool())) {
			Steps process = started(new Steps(shared));
			ExecutorService callers = Executors.newFixedThreadPool(senders);
			try {
				List<Future<?>> sent = new ArrayList<>();
				for (int sender = 0; sender < senders; sender++) {
					String name = "s" + sender;
					sent.add(callers.submit(() -> {
						for (int i = 0; i < perSender; i++) {
							if (i % 3 == 0) {
								process.cast(name + ":" + i);
							}
							else {
								process.call(name + ":" + i, String.class, TIMEOUT).join();
							}
						}
					}));
				}
				for (Future<?> each : sent) {
					each.get();
				}
				process.call("last", String.class, TIMEOUT).join();
			}
			finally {
				callers.shutdownNow();
			}
			assertThat(process.mostAtOnce).as("handlers running at once").hasValue(1);
			assertThat(process.steps).hasSize(1 + senders * perSender + 1).doesNotHaveDuplicates();
			for (int sender = 0; sender < senders; sender++) {
				String prefix = "s" + sender + ":";
				List<Integer> order = process.steps.stream()
					.filter((step) -> step.startsWith(prefix))
					.map((step) -> Integer.valueOf(step.substring(prefix.length())))
					.toList();
				assertThat(order).as("sender %d's order", sender).isSorted();
			}
		}
	}

	private static boolean parked(Thread thread) {
		return thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING;
	}

	private static Steps started(Steps process) {
		process.start();
		return process;
	}

	/** Records what it handles, on which thread, and how many handlers ran at once at most. */
	private static final class Steps extends StubProcess {

		private final List<String> steps = new CopyOnWriteArrayList<>();

		private final List<Thread> threads = new CopyOnWriteArrayList<>();

		private final CountDownLatch unblock = new CountDownLatch(1);

		private final AtomicInteger running = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		Steps(LocalProcessRuntime runtime) {
			super(ProcessKey.agent("steps"), runtime);
		}

		@Override
		protected void init() {
			this.steps.add("init");
		}

		@Override
		protected Object handle(Object message) throws InterruptedException {
			int atOnce = this.running.incrementAndGet();
			this.mostAtOnce.accumulateAndGet(atOnce, Math::max);
			try {
				this.steps.add(String.valueOf(message));
				this.threads.add(Thread.currentThread());
				if ("block".equals(message)) {
					this.unblock.await();
				}
				return "handled " + message;
			}
			finally {
				this.running.decrementAndGet();
			}
		}
	}

}
