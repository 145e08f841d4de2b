package dev.sagents.autoconfigure;

import dev.sagents.horde.HordeStructures;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code members=auto}: the application's member, when Spring Boot builds it from a configuration
 * file, carries this node's name as its {@value HordeStructures#NODE_NAME_ATTRIBUTE} attribute, so
 * that every member shows this node by its {@code sagents.node-name}, also when it runs no
 * supervisor. Spring Boot applies these customizers only to configuration files: on the member of
 * an application's own {@code Config} or {@code HazelcastInstance} bean, set the attribute there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HazelcastConfigCustomizer.class)
@ConditionalOnProperty(name = "sagents.horde.members", havingValue = "auto", matchIfMissing = true)
class ApplicationMemberNodeNameConfiguration {

	/**
	 * Given only the node name, not the process runtime: the runtime needs the codec, which
	 * needs every agent behaviour, and a behaviour may need the member this customizes.
	 */
	@Bean
	HazelcastConfigCustomizer sagentsNodeNameHazelcastConfigCustomizer(SagentsProperties properties,
			Environment environment) {
		String nodeName = SagentsCoreConfiguration.nodeName(properties, environment);
		return (config) -> config.getMemberAttributeConfig().setAttribute(HordeStructures.NODE_NAME_ATTRIBUTE, nodeName);
	}

}
