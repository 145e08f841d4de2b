package dev.sagents.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.sagents.actuate.SagentsEndpoint.FailureDescriptor;
import dev.sagents.actuate.SagentsEndpoint.HostedDescriptor;
import dev.sagents.actuate.SagentsEndpoint.InstanceDescriptor;
import dev.sagents.actuate.SagentsEndpoint.MemberDescriptor;
import dev.sagents.actuate.SagentsEndpoint.SagentsDescriptor;
import dev.sagents.local.LocalClusterView;
import dev.sagents.process.ProcessKey;
import dev.sagents.registry.RegistryState;
import dev.sagents.supervisor.ProcessFailure;
import dev.sagents.supervisor.ProcessFailureLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@code /actuator/sagents} shows. */
class SagentsEndpointTests {

	private final ProcessFailureLog failures = new ProcessFailureLog(10);

	@Test
	void localNodeShowsItselfAliveInEveryInstanceWithItsCounts() {
		SagentsDescriptor descriptor = endpointOver(new FakeRegistry(2, 1), this.failures)
			.sagents();
		InstanceDescriptor alive = new InstanceDescriptor(List.of(new MemberDescriptor("n1", "alive")));
		assertThat(descriptor.distribution()).isEqualTo("local");
		assertThat(descriptor.members()).isEqualTo("auto");
		assertThat(descriptor.partition()).isNull();
		assertThat(descriptor.node()).isEqualTo("n1");
		assertThat(descriptor.liveNodes()).containsExactly("n1");
		assertThat(descriptor.instances()).containsExactly(entry("registry", alive), entry("agentsSupervisor", alive),
				entry("fileSystemSupervisor", alive));
		assertThat(descriptor.consistent()).isTrue();
		assertThat(descriptor.joined()).isTrue();
		assertThat(descriptor.registered()).isEqualTo(new RegisteredProcesses(3, 2, 1, Map.of("n1", 3)));
		assertThat(descriptor.registry()).isEqualTo("running");
		assertThat(descriptor.failures().total()).isZero();
	}

	@Test
	void unavailableRegistryGivesNullCountsRatherThanAnError() {
		SagentsDescriptor descriptor = endpointOver(new FakeRegistry(2, 1).inState(RegistryState.STARTING), this.failures)
			.sagents();
		assertThat(descriptor.registered()).isEqualTo(new RegisteredProcesses(null, null, null, null));
		assertThat(descriptor.hosted()).isEqualTo(new HostedDescriptor(List.of(), List.of()));
		assertThat(descriptor.registry()).isEqualTo("starting");
		assertThat(descriptor.instances().get("registry").members()).containsExactly(new MemberDescriptor("n1",
				"uninitialized"));
	}

	@Test
	void givenUpProcessesAreListedNewestFirst() {
		Instant at = Instant.parse("2025-01-01T00:00:00Z");
		this.failures.record(new ProcessFailure(ProcessKey.agent("a"), "n1", at, 3, "IllegalStateException: a", null));
		this.failures.record(new ProcessFailure(ProcessKey.fileSystem("user:b"), "n1", at.plusSeconds(1), 3,
				"IllegalStateException: b", null));
		SagentsDescriptor descriptor = endpointOver(new FakeRegistry(0, 0), this.failures)
			.sagents();
		assertThat(descriptor.failures().total()).isEqualTo(2);
		assertThat(descriptor.failures().recent()).extracting(FailureDescriptor::key)
			.containsExactly("filesystem:user:b", "agent:a");
	}

	@Test
	void hostedListsTheProcessesRunningHereByKindAndSortedWhateverTheRegistryCounts() {
		SagentsDescriptor descriptor = endpointRunning(new FakeRegistry(0, 0), ProcessKey.agent("b"),
				ProcessKey.fileSystem("user:alice"), ProcessKey.agent("a"))
			.sagents();
		assertThat(descriptor.hosted()).isEqualTo(new HostedDescriptor(List.of("a", "b"), List.of("user:alice")));
		assertThat(descriptor.registered().total()).isZero();
	}

	@Test
	void serializesToTheDocumentedShape() {
		SagentsDescriptor descriptor = endpointRunning(new FakeRegistry(2, 1), ProcessKey.agent("a"),
				ProcessKey.agent("b"), ProcessKey.fileSystem("user:alice"))
			.sagents();
		String json = JsonMapper.builder().build().writeValueAsString(descriptor);
		assertThat(json).startsWith("{\"distribution\":\"local\",\"members\":\"auto\",\"partition\":null,\"node\":\"n1\","
				+ "\"joined\":true,\"liveNodes\":[\"n1\"],\"duplicateNodeNames\":[],\"instances\":{\"registry\":{\"members\":[{\"node\":\"n1\",\"status\":\"alive\"}]},"
				+ "\"agentsSupervisor\":{\"members\":[{\"node\":\"n1\",\"status\":\"alive\"}]},"
				+ "\"fileSystemSupervisor\":{\"members\":[{\"node\":\"n1\",\"status\":\"alive\"}]}},\"consistent\":true,"
				+ "\"registered\":{\"total\":3,\"agents\":2,\"fileSystems\":1,\"perNode\":{\"n1\":3}},"
				+ "\"hosted\":{\"agents\":[\"a\",\"b\"],\"fileSystems\":[\"user:alice\"]},\"registry\":\"running\","
				+ "\"failures\":{\"total\":0,\"recent\":[]}}");
	}

	@Test
	void clusterViewThatCountsPerNodeGivesThePerNodeCounts() {
		FakeRegistry registry = new FakeRegistry(2, 1);
		SettableClusterView view = new SettableClusterView(new LocalClusterView("n1", registry))
			.hosting(Map.of("n1", 1, "n2", 2))
			.joined(false);
		SagentsDescriptor descriptor = ReadingEndpoints.over(view, registry, this.failures).sagents();
		assertThat(descriptor.joined()).isFalse();
		assertThat(descriptor.registered().perNode()).containsOnly(entry("n1", 1), entry("n2", 2));
	}

	/** An endpoint whose view shows {@code running} on this node, whatever {@code registry} counts. */
	private SagentsEndpoint endpointRunning(FakeRegistry registry, ProcessKey... running) {
		return ReadingEndpoints.over(new SettableClusterView(new LocalClusterView("n1", registry)).runningHere(running),
				registry, this.failures);
	}

	private static SagentsEndpoint endpointOver(FakeRegistry registry, ProcessFailureLog failures) {
		return ReadingEndpoints.over(new LocalClusterView("n1", registry), registry, failures);
	}

}
