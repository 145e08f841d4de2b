package dev.sagents.autoconfigure;

import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;

/**
 * The opposite of {@link ApplicationMemberCondition}, so that which provider is chosen never
 * depends on the order the configurations are read in.
 */
class NoApplicationMemberCondition extends NoneNestedConditions {

	NoApplicationMemberCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(ApplicationMemberCondition.class)
	static class ApplicationMember {

	}

}
