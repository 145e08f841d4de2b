package dev.sagents.autoconfigure;

import com.hazelcast.config.Config;

/**
 * Customizes the configuration of the Hazelcast member that sagents starts itself in horde mode
 * (with {@code sagents.horde.members=participation}, or {@code auto} when the application has no
 * {@code HazelcastInstance}). Declare beans of this type to set what the {@code sagents.horde.*}
 * properties do not cover; they run in order ({@code @Order}, {@code Ordered}) after the
 * properties and the {@code sagents.horde.config} resource were applied, so they have the last word.
 * The application's own Hazelcast instance is configured through Spring Boot instead
 * ({@code HazelcastConfigCustomizer}, {@code spring.hazelcast.config}).
 */
@FunctionalInterface
public interface SagentsHazelcastConfigCustomizer {

	/** Changes {@code config} in place, before the member starts. */
	void customize(Config config);

}
