package dev.sagents.horde;

import com.hazelcast.core.HazelcastInstance;
import dev.sagents.process.Arguments;

/**
 * The application's own Hazelcast member, used with {@code members=auto}: every member of the
 * application's cluster is a sagents member. The application owns it, so {@link #stop()} leaves it
 * running; whoever created it shuts it down (Spring calls {@code shutdown()} on a
 * {@code HazelcastInstance} bean when the context closes, after sagents has stopped).
 */
public final class ApplicationHazelcastMemberProvider implements HazelcastMemberProvider {

	private final HazelcastInstance member;

	/** @param member the application's running member */
	public ApplicationHazelcastMemberProvider(HazelcastInstance member) {
		this.member = Arguments.notNull(member, "member");
	}

	/** The application's member, already running. */
	@Override
	public HazelcastInstance start() {
		return this.member;
	}

	/** Does nothing: the application owns the member. */
	@Override
	public void stop() {
	}

}
