package dev.sagents.autoconfigure;

import com.hazelcast.config.Config;
import dev.sagents.horde.HazelcastMemberProvider;
import dev.sagents.horde.OwnedHazelcastMemberProvider;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.supervisor.SagentsSupervisor;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Otherwise (always with {@code members=participation}) a member sagents starts when the node
 * joins the horde. On a node without the sagents supervisor (a proxy node) it is a lite member:
 * it owns no partition, so it holds none of the sagents data, and it reaches the registry and the
 * other members as any member does.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoApplicationMemberCondition.class)
class OwnedMemberConfiguration {

	@Bean
	@ConditionalOnMissingBean(HazelcastMemberProvider.class)
	OwnedHazelcastMemberProvider sagentsHazelcastMemberProvider(SagentsProperties properties,
			LocalProcessRuntime runtime, ObjectProvider<SagentsHazelcastConfigCustomizer> customizers,
			Environment environment, ListableBeanFactory beans) {
		Config config = HordeMemberConfigFactory.create(properties.getHorde(), runtime.node(),
				ApplicationClusterName.of(environment, beans));
		// Read from the bean definitions: the supervisor needs this provider, so it is not built yet.
		config.setLiteMember(beans.getBeanNamesForType(SagentsSupervisor.class, true, false).length == 0);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(config));
		UnconfinedMemberWarning.logIfUnconfined(config);
		return new OwnedHazelcastMemberProvider(config);
	}

}
