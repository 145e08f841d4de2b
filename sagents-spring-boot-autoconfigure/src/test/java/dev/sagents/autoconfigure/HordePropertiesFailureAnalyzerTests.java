package dev.sagents.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.sagents.autoconfigure.SettingsReports.POSITIVE_DURATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad {@code sagents.horde.*} values stop startup, and the report names the property, the value
 * given and what is allowed, as {@link SagentsPropertiesFailureAnalyzerTests} shows for the other
 * groups.
 */
class HordePropertiesFailureAnalyzerTests {

	private static final String SAFE_TOKEN = "1 to 64 letters, digits, '.', '_' or '-'";

	private static final String JOIN_MEMBERS = "one or more members, each host or host:port, "
			+ "such as 10.0.0.12 or 10.0.0.12:5801";

	private static final String WHOLE_SECONDS = "a whole number of seconds, at least 1s, such as 1s or 5s";

	private static final String PORT = "a port from 1 to 65535";

	private static final String MONITOR_INTERVAL = "a whole number of milliseconds, at least 1ms, such as 20ms";

	private final SettingsReports reports = new SettingsReports();

	private final ApplicationContextRunner runner = this.reports.runner();

	@Test
	void partitionThatIsNoSafeTokenIsRefused() {
		assertReport(this.runner.withPropertyValues("sagents.horde.members=participation"),
				"sagents.horde.partition=ord/1", "sagents.horde.partition", "ord/1", SAFE_TOKEN);
	}

	@Test
	void clusterNameThatIsNoSafeTokenIsRefused() {
		assertReport("sagents.horde.cluster-name=my agents", "sagents.horde.cluster-name", "my agents", SAFE_TOKEN);
	}

	@Test
	void missingHazelcastConfigResourceIsRefused() {
		assertReport("sagents.horde.config=classpath:missing-hazelcast.yaml", "sagents.horde.config",
				"classpath:missing-hazelcast.yaml",
				"an existing Hazelcast XML or YAML resource, such as classpath:sagents-hazelcast.yaml");
	}

	@Test
	void zeroRequestTimeoutIsRefused() {
		assertReport("sagents.horde.request-timeout=0s", "sagents.horde.request-timeout", "0s",
				POSITIVE_DURATION);
	}

	@Test
	void negativeHealthGraceIsRefused() {
		assertReport("sagents.horde.health-grace=-1s", "sagents.horde.health-grace", "-1s",
				"0 (report at once) or a positive duration, such as 15s");
	}

	@Test
	void negativeSilentConnectionTimeoutIsRefused() {
		assertReport("sagents.horde.silent-connection-timeout=-1s", "sagents.horde.silent-connection-timeout", "-1s",
				"0 (leave such connections to Hazelcast) or a positive duration, such as 1s");
	}

	@Test
	void anUnknownRebalanceModeIsRefused() {
		assertReport("sagents.horde.rebalance=eager", "sagents.horde.rebalance", "eager", "passive, active");
	}

	@Test
	void zeroRebalanceBatchSizeIsRefused() {
		assertReport("sagents.horde.rebalance-batch-size=0", "sagents.horde.rebalance-batch-size", "0",
				"a positive whole number");
	}

	@Test
	void negativeRebalanceIntervalIsRefused() {
		assertReport("sagents.horde.rebalance-interval=-5ms", "sagents.horde.rebalance-interval", "-5ms",
				"0 (batches back to back) or a positive duration, such as 20ms");
	}

	@Test
	void portOutOfRangeIsRefused() {
		assertReport("sagents.horde.network.port=70000", "sagents.horde.network.port", "70000",
				PORT);
	}

	@Test
	void portZeroIsRefused() {
		assertReport("sagents.horde.network.port=0", "sagents.horde.network.port", "0", PORT);
	}

	@Test
	void zeroPortCountIsRefused() {
		assertReport("sagents.horde.network.port-count=0", "sagents.horde.network.port-count", "0",
				"a whole number from 1 to 59735 (ports from 5801 up to 65535)");
	}

	@Test
	void portCountBeyondTheLastPortIsRefused() {
		assertReport(this.runner.withPropertyValues("sagents.horde.network.port=65530"),
				"sagents.horde.network.port-count=7", "sagents.horde.network.port-count", "7",
				"a whole number from 1 to 6 (ports from 65530 up to 65535)");
	}

	@Test
	void blankInterfaceIsRefused() {
		assertReport("sagents.horde.network.interface= ", "sagents.horde.network.interface", "",
				"an address such as 10.0.0.12 or 10.0.0.*, or no value for 127.0.0.1");
	}

	@Test
	void emptyJoinMembersAreRefused() {
		assertReport("sagents.horde.network.join-members=", "sagents.horde.network.join-members", "", JOIN_MEMBERS);
	}

	@Test
	void joinMemberWithABadPortIsRefused() {
		assertReport("sagents.horde.network.join-members=10.0.0.1:99999", "sagents.horde.network.join-members",
				"10.0.0.1:99999", JOIN_MEMBERS);
	}

	@Test
	void subSecondHeartbeatIntervalIsRefusedBecauseHazelcastTakesWholeSeconds() {
		assertReport("sagents.horde.failure-detection.heartbeat-interval=500ms",
				"sagents.horde.failure-detection.heartbeat-interval", "500ms", WHOLE_SECONDS);
	}

	@Test
	void fractionalMaxNoHeartbeatIsRefused() {
		assertReport("sagents.horde.failure-detection.max-no-heartbeat=2500ms",
				"sagents.horde.failure-detection.max-no-heartbeat", "2500ms", WHOLE_SECONDS);
	}

	@Test
	void maxNoHeartbeatNotLongerThanTheHeartbeatIntervalIsRefused() {
		assertReport(this.runner.withPropertyValues("sagents.horde.failure-detection.heartbeat-interval=3s"),
				"sagents.horde.failure-detection.max-no-heartbeat=3s", "sagents.horde.failure-detection.max-no-heartbeat",
				"3s", "longer than the heartbeat interval (3s), or a member would be removed between two heartbeats");
	}

	@Test
	void heartbeatIntervalSetAloneNotShorterThanTheDefaultMaxNoHeartbeatIsRefused() {
		// The report names the property left to its default, with that default: there is no origin to show.
		this.runner.withPropertyValues("sagents.horde.failure-detection.heartbeat-interval=5s").run((context) -> {
			FailureAnalysis analysis = this.reports.analyzeFailure(context);
			SettingsReports.assertAnalysis(analysis, "sagents.horde.failure-detection.max-no-heartbeat", "PT5S",
					"longer than the heartbeat interval (5s), or a member would be removed between two heartbeats");
			assertThat(analysis.getDescription()).doesNotContain("Origin: ");
		});
	}

	@Test
	void maxNoHeartbeatSetAloneNotLongerThanTheDefaultHeartbeatIntervalIsRefused() {
		assertReport("sagents.horde.failure-detection.max-no-heartbeat=1s",
				"sagents.horde.failure-detection.max-no-heartbeat", "1s",
				"longer than the heartbeat interval (1s), or a member would be removed between two heartbeats");
	}

	@Test
	void zeroConnectionMaxFaultsIsRefused() {
		assertReport("sagents.horde.failure-detection.connection-max-faults=0",
				"sagents.horde.failure-detection.connection-max-faults", "0", "a positive whole number");
	}

	@Test
	void subMillisecondConnectionMonitorIntervalIsRefused() {
		assertReport("sagents.horde.failure-detection.connection-monitor-interval=500us",
				"sagents.horde.failure-detection.connection-monitor-interval", "500us",
				MONITOR_INTERVAL);
	}

	@Test
	void fractionalMillisecondConnectionMonitorIntervalIsRefused() {
		assertReport("sagents.horde.failure-detection.connection-monitor-interval=1500us",
				"sagents.horde.failure-detection.connection-monitor-interval", "1500us", MONITOR_INTERVAL);
	}

	@Test
	void partitionWithoutParticipationIsRefused() {
		assertReport("sagents.horde.partition=ord", "sagents.horde.partition", "ord",
				"no value unless sagents.horde.members=participation (it is auto)");
	}

	@Test
	void partitionWithParticipationIsAccepted() {
		this.runner.withPropertyValues("sagents.horde.members=participation", "sagents.horde.partition=ord")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void zeroMaxMessageSizeIsRefused() {
		assertReport("sagents.horde.max-message-size=0", "sagents.horde.max-message-size", "0",
				"a positive size of at most 2GB, such as 256KB or 1MB");
	}

	@Test
	void maxMessageSizeOver2GbIsRefused() {
		assertReport("sagents.horde.max-message-size=3GB", "sagents.horde.max-message-size", "3GB",
				"a positive size of at most 2GB, such as 256KB or 1MB");
	}

	private void assertReport(String propertyValue, String property, String value, String allowed) {
		assertReport(this.runner, propertyValue, property, value, allowed);
	}

	private void assertReport(ApplicationContextRunner runner, String propertyValue, String property, String value,
			String allowed) {
		this.reports.assertReport(runner, propertyValue, property, value, allowed);
	}

}
