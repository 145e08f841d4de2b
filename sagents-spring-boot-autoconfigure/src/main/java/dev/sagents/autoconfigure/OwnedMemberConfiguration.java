package dev.sagents.autoconfigure;

import com.hazelcast.config.Config;
import dev.sagents.horde.HazelcastMemberProvider;
import dev.sagents.horde.OwnedHazelcastMemberProvider;
import dev.sagents.local.LocalProcessRuntime;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Otherwise (always with {@code members=participation}, so that nodes without the supervisor
 * never join the sagents cluster) a member sagents starts when its supervisor starts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoApplicationMemberCondition.class)
class OwnedMemberConfiguration {

	@Bean
	@ConditionalOnMissingBean(HazelcastMemberProvider.class)
	OwnedHazelcastMemberProvider sagentsHazelcastMemberProvider(SagentsProperties properties,
			LocalProcessRuntime runtime, ObjectProvider<SagentsHazelcastConfigCustomizer> customizers,
			Environment environment, BeanFactory beanFactory) {
		Config config = HordeMemberConfigFactory.create(properties.getHorde(), runtime.node(),
				ApplicationClusterName.of(environment, beanFactory));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(config));
		UnconfinedMemberWarning.logIfUnconfined(config);
		return new OwnedHazelcastMemberProvider(config);
	}

}
