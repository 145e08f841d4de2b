package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.stream.StreamSupport;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One node of the Pekko mode's cluster: a typed actor system with Cluster Sharding of one entity
 * type, whose entities answer {@link PekkoWhere} with the node's name, as sagents' benchmark agent
 * answers {@link Counter#WHERE}. Artery TCP on 127.0.0.1 only; the first node is the seed node.
 *
 * <p>Tuned as sagents' defaults are (docs/benchmarks.md, "Side by side with Pekko"): failure
 * detection heartbeats every 200 ms with 1 s of acceptable pause (Pekko: 1 s and 3 s), the Split
 * Brain Resolver on (keep-majority, stable after 1 s; Pekko: not enabled, 20 s), and
 * remember-entities on (kept in distributed data, in memory), so that after a crash or a handoff
 * every entity runs again without being asked, as every sagents agent does.
 */
final class PekkoNode implements AutoCloseable {

	static final EntityTypeKey<PekkoWhere> ENTITY = EntityTypeKey.create(PekkoWhere.class, "agent");

	private final ActorSystem<Void> system;

	private final ClusterSharding sharding;

	private final Cluster cluster;

	private PekkoNode(ActorSystem<Void> system, String node) {
		this.system = system;
		this.sharding = ClusterSharding.get(system);
		this.sharding.init(Entity.of(ENTITY, (context) -> entity(node)));
		this.cluster = Cluster.get(Adapter.toClassic(system));
	}

	/**
	 * Starts node {@code node} of the cluster {@code systemName} on 127.0.0.1:{@code port}, which
	 * joins the seed node on {@code seedPort} (itself when the ports are the same).
	 */
	static PekkoNode start(String node, String systemName, int port, int seedPort) {
		return new PekkoNode(ActorSystem.create(Behaviors.empty(), systemName, config(node, systemName, port, seedPort)),
				node);
	}

	static Config config(String node, String systemName, int port, int seedPort) {
		String config = """
				pekko {
				  loglevel = WARNING
				  stdout-loglevel = WARNING
				  log-dead-letters = off
				  log-dead-letters-during-shutdown = off
				  actor {
				    provider = cluster
				    serializers.sagents-benchmark = "%s"
				    serialization-bindings { "%s" = sagents-benchmark }
				  }
				  remote.artery {
				    transport = tcp
				    canonical.hostname = "127.0.0.1"
				    canonical.port = %d
				    bind.hostname = "127.0.0.1"
				  }
				  cluster {
				    seed-nodes = ["pekko://%s@127.0.0.1:%d"]
				    jmx.enabled = off
				    failure-detector {
				      heartbeat-interval = 200 ms
				      acceptable-heartbeat-pause = 1 s
				    }
				    downing-provider-class = "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider"
				    split-brain-resolver {
				      active-strategy = keep-majority
				      stable-after = 1 s
				    }
				    sharding {
				      remember-entities = on
				      remember-entities-store = ddata
				      distributed-data.durable.keys = []
				    }
				  }
				}
				""".formatted(PekkoWhere.Serializer.class.getName(), PekkoWhere.class.getName(), port, systemName,
				seedPort);
		return ConfigFactory.parseString(config).withFallback(ConfigFactory.load());
	}

	private static Behavior<PekkoWhere> entity(String node) {
		return Behaviors.receiveMessage((where) -> {
			where.replyTo().tell(node);
			return Behaviors.same();
		});
	}

	/** Asks entity {@code id} where it runs; its first message starts it. */
	CompletionStage<String> where(String id, Duration timeout) {
		return this.sharding.entityRefFor(ENTITY, id).ask(PekkoWhere::new, timeout);
	}

	/** How many members of the cluster are up, as this node sees it. */
	long upMembers() {
		return StreamSupport.stream(this.cluster.state().getMembers().spliterator(), false)
			.filter((member) -> member.status() == MemberStatus.up())
			.count();
	}

	/** How many members the cluster has, as this node sees it, whatever their status. */
	int allMembers() {
		return this.cluster.state().members().size();
	}

	/** Whether this node is up in the cluster. */
	boolean up() {
		return this.cluster.selfMember().status() == MemberStatus.up();
	}

	/** Leaves gracefully (coordinated shutdown: shards handed off, then the cluster left) and waits. */
	@Override
	public void close() {
		this.system.terminate();
		this.system.getWhenTerminated().toCompletableFuture().join();
	}

}
