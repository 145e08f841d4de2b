package dev.sagents.autoconfigure;

import com.hazelcast.core.HazelcastInstance;
import dev.sagents.horde.ApplicationHazelcastMemberProvider;
import dev.sagents.horde.HazelcastMemberProvider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * {@code members=auto} and the context has one {@code HazelcastInstance} (Spring Boot's, from
 * {@code spring.hazelcast.config}, a {@code hazelcast.xml} or a {@code Config} bean, or the
 * application's own bean): every member of the application's cluster is a sagents member.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ApplicationMemberCondition.class)
class ApplicationMemberConfiguration {

	@Bean
	@ConditionalOnMissingBean(HazelcastMemberProvider.class)
	ApplicationHazelcastMemberProvider sagentsHazelcastMemberProvider(HazelcastInstance hazelcastInstance) {
		return new ApplicationHazelcastMemberProvider(hazelcastInstance);
	}

}
