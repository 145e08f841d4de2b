package dev.sagents.metrics.micrometer;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.sagents.cluster.ClusterView;
import dev.sagents.cluster.Member;
import dev.sagents.cluster.MemberStatus;
import dev.sagents.cluster.SagentsInstance;
import dev.sagents.metrics.HostedLoad;
import dev.sagents.metrics.MeterNames;
import dev.sagents.process.Arguments;
import dev.sagents.process.ProcessKind;

/**
 * The gauges of what this node holds and sees, read when the registry is scraped from this node's
 * own views ({@link HostedLoad}, {@link ClusterView#members()}): a scrape asks no other member.
 */
public final class SagentsMeterBinder implements MeterBinder {

	private final HostedLoad load;

	private final ClusterView cluster;

	public SagentsMeterBinder(HostedLoad load, ClusterView cluster) {
		this.load = Arguments.notNull(load, "load");
		this.cluster = Arguments.notNull(cluster, "cluster");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ProcessKind kind : ProcessKind.values()) {
			gauge(MeterNames.PROCESSES_HOSTED, "Processes this node hosts", () -> this.load.hosted(kind))
				.tag("kind", kind.prefix())
				.register(registry);
			gauge(MeterNames.REGISTRY_SIZE,
					"Registrations this node holds (in horde mode its share; the members' sum is the registry)",
					() -> this.load.registrySize(kind))
				.tag("kind", kind.prefix())
				.register(registry);
		}
		for (SagentsInstance instance : SagentsInstance.values()) {
			for (MemberStatus status : MemberStatus.values()) {
				gauge(MeterNames.MEMBERS, "Members of each sagents instance by status, as this node sees them",
						() -> membersOf(instance, status))
					.tag("instance", instance.value())
					.tag("status", status.value())
					.register(registry);
			}
		}
		gauge(MeterNames.MAILBOX_DEPTH_MAX, "Messages queued in the fullest mailbox of this node",
				() -> this.load.mailboxDepths().max())
			.register(registry);
		gauge(MeterNames.MAILBOX_DEPTH_SUM, "Messages queued in all mailboxes of this node",
				() -> this.load.mailboxDepths().sum())
			.register(registry);
	}

	private static Gauge.Builder<Supplier<Number>> gauge(String name, String description, Supplier<Number> value) {
		return Gauge.builder(name, value).description(description).strongReference(true);
	}

	private long membersOf(SagentsInstance instance, MemberStatus status) {
		Map<SagentsInstance, List<Member>> members = this.cluster.members();
		return members.getOrDefault(instance, List.of()).stream().filter((member) -> member.status() == status).count();
	}

}
