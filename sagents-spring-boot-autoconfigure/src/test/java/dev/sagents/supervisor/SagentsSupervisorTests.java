package dev.sagents.supervisor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order in which a node's sagents pieces start and stop: agents persist while their file
 * systems and the registry still run, and nothing is started or stopped twice.
 */
class SagentsSupervisorTests {

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final SagentsSupervisor supervisor = new SagentsSupervisor(new Piece("registry"), new Piece("agents"),
			new Piece("fileSystems"));

	@Test
	void startsTheRegistryThenTheAgentsThenTheFileSystemsOnce() {
		assertThat(this.supervisor.isRunning()).isFalse();
		this.supervisor.start();
		this.supervisor.start();
		assertThat(this.supervisor.isRunning()).isTrue();
		assertThat(this.events).containsExactly("registry start", "agents start", "fileSystems start");
	}

	@Test
	void stopsByDrainingEverythingThenStoppingAgentsFileSystemsAndTheRegistryOnce() {
		this.supervisor.start();
		this.events.clear();
		this.supervisor.stop();
		this.supervisor.stop();
		assertThat(this.supervisor.isRunning()).isFalse();
		assertThat(this.events).containsExactly("registry drain", "agents drain", "fileSystems drain", "agents stop",
				"fileSystems stop", "registry stop");
	}

	@Test
	void aSupervisorThatNeverStartedStopsNothing() {
		this.supervisor.stop();
		assertThat(this.events).isEmpty();
	}

	@Test
	void inAnApplicationItRunsWhileWhatAgentsNeedRunsAndWhileTheWebServerDoes() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean("sagentsSupervisor", SagentsSupervisor.class, () -> this.supervisor);
			context.registerBean("webServer", SmartLifecycle.class,
					() -> new PhasedBean("webServer", SmartLifecycle.DEFAULT_PHASE - 2048));
			context.registerBean("agentStore", SmartLifecycle.class,
					() -> new PhasedBean("agentStore", SagentsSupervisor.PHASE - 1));
			context.refresh();
			assertThat(this.events).containsExactly("agentStore start", "registry start", "agents start",
					"fileSystems start", "webServer start");
			this.events.clear();
		}
		assertThat(this.events).containsExactly("webServer stop", "registry drain", "agents drain",
				"fileSystems drain", "agents stop", "fileSystems stop", "registry stop", "agentStore stop");
	}

	/** Records its calls. */
	private final class Piece implements SagentsLifecycle {

		private final String name;

		Piece(String name) {
			this.name = name;
		}

		@Override
		public void start() {
			SagentsSupervisorTests.this.events.add(this.name + " start");
		}

		@Override
		public void drain() {
			SagentsSupervisorTests.this.events.add(this.name + " drain");
		}

		@Override
		public void stop() {
			SagentsSupervisorTests.this.events.add(this.name + " stop");
		}

	}

	/**
	 * An application bean in a phase of its own: the embedded web server (in the phase Spring Boot
	 * gives it), or a store agents load their state from (which must run before sagents starts and
	 * until it stopped).
	 */
	private final class PhasedBean implements SmartLifecycle {

		private final String name;

		private final int phase;

		private volatile boolean running;

		PhasedBean(String name, int phase) {
			this.name = name;
			this.phase = phase;
		}

		@Override
		public void start() {
			this.running = true;
			SagentsSupervisorTests.this.events.add(this.name + " start");
		}

		@Override
		public void stop() {
			this.running = false;
			SagentsSupervisorTests.this.events.add(this.name + " stop");
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return this.phase;
		}

	}

}
