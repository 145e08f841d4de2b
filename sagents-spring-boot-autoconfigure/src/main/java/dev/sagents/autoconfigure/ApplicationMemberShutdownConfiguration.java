package dev.sagents.autoconfigure;

import com.hazelcast.spi.properties.ClusterProperty;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * {@code members=auto}: the application's member, when Spring Boot builds it from a
 * configuration file, gets Hazelcast's JVM shutdown hook turned off unless that file sets it.
 * The hook's default policy terminates the member on SIGTERM while the context is still
 * closing, before sagents has handed its processes off; without it, Spring shuts the member
 * down gracefully once sagents has stopped. Spring Boot applies these customizers only to
 * configuration files: an application that declares its own {@code Config} or
 * {@code HazelcastInstance} bean sets {@code hazelcast.shutdownhook.enabled=false} itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HazelcastConfigCustomizer.class)
@ConditionalOnProperty(name = "sagents.horde.members", havingValue = "auto", matchIfMissing = true)
class ApplicationMemberShutdownConfiguration {

	@Bean
	@Order(0)
	HazelcastConfigCustomizer sagentsShutdownHookHazelcastConfigCustomizer() {
		return (config) -> HordeMemberConfigFactory.fillIn(config, ClusterProperty.SHUTDOWNHOOK_ENABLED, false);
	}

}
