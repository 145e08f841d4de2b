package dev.sagents.autoconfigure;

import com.hazelcast.client.Client;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.autoconfigure.HordeProperties.Discovery;
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

	/**
	 * Refuses a Hazelcast client ({@code spring.hazelcast.config} naming a client configuration, or
	 * the application's own client bean): a client has no member of the cluster, none for sagents
	 * to run on and none to host processes. Refuses a {@code sagents.horde.discovery} other than
	 * {@code tcp}: the application's member finds the others as its own configuration says. Warns when the member is reachable from other hosts and
	 * finds its members by multicast or auto-detection.
	 */
	@Bean
	@ConditionalOnMissingBean(HazelcastMemberProvider.class)
	ApplicationHazelcastMemberProvider sagentsHazelcastMemberProvider(HazelcastInstance hazelcastInstance,
			SagentsProperties properties) {
		Discovery discovery = properties.getHorde().getDiscovery();
		if (discovery != null && discovery != Discovery.TCP) {
			throw new InvalidSagentsPropertyException("sagents.horde.discovery", DiscoveryPropertiesValidator.name(discovery),
					"tcp or no value: with sagents.horde.members=auto sagents runs on the application's HazelcastInstance, "
							+ "whose own join configuration applies (configure its discovery there, such as in "
							+ "spring.hazelcast.config), or set sagents.horde.members=participation for a member sagents "
							+ "starts itself, which this discovery then configures");
		}
		if (hazelcastInstance.getLocalEndpoint() instanceof Client) {
			throw new InvalidSagentsPropertyException("sagents.horde.members", "auto",
					"participation, since the application's HazelcastInstance is a Hazelcast client, which has no "
							+ "member for sagents to run on (or make that instance a member)");
		}
		UnconfinedMemberWarning.logIfUnconfined(hazelcastInstance.getConfig());
		return new ApplicationHazelcastMemberProvider(hazelcastInstance);
	}

}
