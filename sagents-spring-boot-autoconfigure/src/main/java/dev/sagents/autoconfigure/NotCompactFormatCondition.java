package dev.sagents.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/**
 * Any codec format but {@code compact}: {@code json}, no value, or an empty one (which binds as
 * the default), so that a context always has a codec.
 */
class NotCompactFormatCondition extends NoneNestedConditions {

	NotCompactFormatCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty(name = "sagents.codec.format", havingValue = "compact")
	static class CompactFormat {

	}

}
