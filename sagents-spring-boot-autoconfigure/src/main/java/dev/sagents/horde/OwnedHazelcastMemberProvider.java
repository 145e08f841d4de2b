package dev.sagents.horde;

import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.process.Arguments;

/**
 * A Hazelcast member that sagents starts for itself and owns: with {@code members=participation}
 * (so only participating nodes ever join its cluster), or with {@code members=auto} when the
 * application has no Hazelcast instance of its own.
 */
public final class OwnedHazelcastMemberProvider implements HazelcastMemberProvider {

	private final Config config;

	private HazelcastInstance member;

	/** @param config the configuration of the member, used as it is when the member starts */
	public OwnedHazelcastMemberProvider(Config config) {
		this.config = Arguments.notNull(config, "config");
	}

	/** The configuration the member starts with. */
	public Config config() {
		return this.config;
	}

	/**
	 * Starts the member on the first call; later calls return the same member until {@link #stop()}.
	 *
	 * @throws MemberNameInUseException when a member of this instance name already runs in this JVM
	 */
	@Override
	public synchronized HazelcastInstance start() {
		if (this.member == null) {
			try {
				this.member = Hazelcast.newHazelcastInstance(this.config);
			}
			catch (InvalidConfigurationException ex) {
				String name = this.config.getInstanceName();
				if (name != null && Hazelcast.getHazelcastInstanceByName(name) != null) {
					throw new MemberNameInUseException(name,
							this.config.getMemberAttributeConfig().getAttribute(HordeStructures.NODE_NAME_ATTRIBUTE), ex);
				}
				throw ex;
			}
		}
		return this.member;
	}

	/** Shuts the member down gracefully: its partitions migrate to the remaining members first. */
	@Override
	public synchronized void stop() {
		if (this.member != null) {
			this.member.shutdown();
			this.member = null;
		}
	}

}
