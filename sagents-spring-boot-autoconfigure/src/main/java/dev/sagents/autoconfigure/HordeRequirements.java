package dev.sagents.autoconfigure;

import java.util.function.BooleanSupplier;

import dev.sagents.cluster.DistributionMode;
import dev.sagents.cluster.MembersMode;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * What horde mode needs besides valid values, checked at startup with the
 * {@link SagentsSettingsCheck}: Hazelcast, a codec (Jackson, unless the application declares its
 * own {@code MessageCodec}), and, when {@code spring.hazelcast.config} names the member sagents
 * would run on, Spring Boot's Hazelcast module, which reads that property. Each missing piece
 * fails with {@link InvalidSagentsPropertyException} naming the property that asked for it.
 */
final class HordeRequirements {

	/** The class whose presence tells that Hazelcast, which horde mode runs on, is on the classpath. */
	static final String HAZELCAST_INSTANCE_CLASS = "com.hazelcast.core.HazelcastInstance";

	/** The class whose presence tells that Jackson, which the codecs write JSON with, is on the classpath. */
	static final String JSON_MAPPER_CLASS = "tools.jackson.databind.json.JsonMapper";

	/** The class whose presence tells that Spring Boot's Hazelcast module, which reads spring.hazelcast.config, is there. */
	static final String SPRING_BOOT_HAZELCAST_CLASS = "org.springframework.boot.hazelcast.autoconfigure.HazelcastAutoConfiguration";

	private static final String SPRING_HAZELCAST_CONFIG = "spring.hazelcast.config";

	private static final String ADD_THE_STARTER = "dev.sagents:sagents-spring-boot-starter-horde brings it";

	private HordeRequirements() {
	}

	/**
	 * Throws {@link InvalidSagentsPropertyException} for the first thing horde mode misses; nothing
	 * in local mode.
	 *
	 * @param classLoader the application's class loader, which the auto-configuration's conditions use
	 * @param applicationCodec whether the application declares its own {@code MessageCodec} bean,
	 * asked only in horde mode without Jackson
	 */
	static void check(SagentsProperties properties, Environment environment, ClassLoader classLoader,
			BooleanSupplier applicationCodec) {
		if (properties.getDistribution() != DistributionMode.HORDE) {
			return;
		}
		if (!ClassUtils.isPresent(HAZELCAST_INSTANCE_CLASS, classLoader)) {
			throw new InvalidSagentsPropertyException("sagents.distribution", "horde",
					"local; horde mode needs com.hazelcast:hazelcast on the classpath (" + ADD_THE_STARTER + ")");
		}
		if (!ClassUtils.isPresent(JSON_MAPPER_CLASS, classLoader) && !applicationCodec.getAsBoolean()) {
			throw new InvalidSagentsPropertyException("sagents.distribution", "horde",
					"local; horde mode needs tools.jackson.core:jackson-databind on the classpath for the values that "
							+ "travel between members (" + ADD_THE_STARTER + "), or a MessageCodec bean");
		}
		String applicationConfig = environment.getProperty(SPRING_HAZELCAST_CONFIG);
		if (applicationConfig != null && properties.getHorde().getMembers() == MembersMode.AUTO
				&& !ClassUtils.isPresent(SPRING_BOOT_HAZELCAST_CLASS, classLoader)) {
			throw new InvalidSagentsPropertyException(SPRING_HAZELCAST_CONFIG, applicationConfig,
					"no value without org.springframework.boot:spring-boot-hazelcast on the classpath, which reads it ("
							+ ADD_THE_STARTER + "): else nothing starts that member, and with sagents.horde.members=auto"
							+ " sagents would start a member of its own instead of running on it");
		}
	}

}
