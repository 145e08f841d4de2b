package dev.sagents.autoconfigure;

import com.hazelcast.core.HazelcastInstance;

import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;

/** {@code members=auto} and the context has one {@code HazelcastInstance}, or one primary. */
class ApplicationMemberCondition extends AllNestedConditions {

	ApplicationMemberCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty(name = "sagents.horde.members", havingValue = "auto", matchIfMissing = true)
	static class MembersAuto {

	}

	@ConditionalOnSingleCandidate(HazelcastInstance.class)
	static class SingleApplicationInstance {

	}

}
