package dev.sagents.dashboard;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.ServerResponse.SseBuilder;

/**
 * Sends a picture to every open page at each interval, over server-sent events: one picture per
 * interval however many pages are open, and none while no page is. A page that went away is
 * dropped at the next send; a stream ends after {@link #STREAM_TIMEOUT}, and the browser's
 * {@code EventSource} opens a new one by itself.
 */
public final class DashboardBroadcaster implements SmartLifecycle {

	/** How long one stream stays open. */
	static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

	/** The name of the events that carry a picture. */
	static final String EVENT = "snapshot";

	private static final Logger logger = LoggerFactory.getLogger(DashboardBroadcaster.class);

	private final Supplier<DashboardSnapshot> snapshots;

	private final Duration interval;

	private final Set<SseBuilder> pages = ConcurrentHashMap.newKeySet();

	private ScheduledExecutorService executor;

	/**
	 * @param snapshots takes a picture; never throws
	 * @param interval how often the open pages receive one
	 */
	public DashboardBroadcaster(Supplier<DashboardSnapshot> snapshots, Duration interval) {
		this.snapshots = snapshots;
		this.interval = interval;
	}

	/** A stream of pictures for one page, starting with one taken now. */
	public ServerResponse subscribe() {
		return ServerResponse.sse((page) -> {
			Runnable drop = () -> this.pages.remove(page);
			page.onComplete(drop).onTimeout(drop).onError((ex) -> drop.run());
			this.pages.add(page);
			send(page, this.snapshots.get());
		}, STREAM_TIMEOUT);
	}

	/** How many pages are open. */
	int pages() {
		return this.pages.size();
	}

	/** Sends every open page a picture taken now, unless none is open; the schedule calls it at each interval. */
	public void broadcast() {
		if (this.pages.isEmpty()) {
			return;
		}
		try {
			DashboardSnapshot snapshot = this.snapshots.get();
			this.pages.forEach((page) -> send(page, snapshot));
		}
		catch (RuntimeException ex) {
			// The next tick tries again; an exception out of here would end the schedule.
			logger.warn("Could not send the sagents dashboard its picture", ex);
		}
	}

	private void send(SseBuilder page, DashboardSnapshot snapshot) {
		try {
			synchronized (page) {
				page.event(EVENT).data(snapshot);
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The page went away (the connection closed, or its stream completed).
			this.pages.remove(page);
			logger.debug("Dropped a sagents dashboard stream", ex);
		}
	}

	@Override
	public synchronized void start() {
		if (this.executor == null) {
			this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "sagents-dashboard");
				thread.setDaemon(true);
				return thread;
			});
			long millis = this.interval.toMillis();
			this.executor.scheduleWithFixedDelay(this::broadcast, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
			this.pages.forEach(SseBuilder::complete);
			this.pages.clear();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
