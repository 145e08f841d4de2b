package dev.sagents.horde;

import org.junit.jupiter.api.Test;

import dev.sagents.process.ProcessKey;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiters by process: taken in the order they came, only those asked for, and no room kept for none. */
class WaitersByKeyTests {

	private static final ProcessKey AGENT = ProcessKey.agent("a1");

	private final WaitersByKey<String> waiters = new WaitersByKey<>();

	@Test
	void takingSomeWaitersLeavesTheOthersWaitingInOrder() {
		this.waiters.add(AGENT, "first");
		this.waiters.add(AGENT, "second");
		this.waiters.add(AGENT, "third");
		assertThat(this.waiters.take(AGENT, "second"::equals)).containsExactly("second");
		assertThat(this.waiters.take(AGENT, "nobody"::equals)).isEmpty();
		assertThat(this.waiters.keys()).containsExactly(AGENT);
		assertThat(this.waiters.takeAll(AGENT)).containsExactly("first", "third");
		assertThat(this.waiters.takeAll(AGENT)).isEmpty();
	}

	@Test
	void aProcessWithNoWaiterLeftTakesNoRoomAndCanBeWaitedForAgain() {
		this.waiters.add(AGENT, "first");
		assertThat(this.waiters.take(AGENT, "first"::equals)).containsExactly("first");
		assertThat(this.waiters.keys()).isEmpty();
		assertThat(this.waiters.take(AGENT, "first"::equals)).isEmpty();
		this.waiters.add(AGENT, "again");
		assertThat(this.waiters.takeAll(AGENT)).containsExactly("again");
		assertThat(this.waiters.keys()).isEmpty();
	}

}
