package dev.sagents.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.TrustedTypes;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sagents.codec.format=json} (the default): JSON through the application's Jackson
 * {@code JsonMapper} (a default one when it has none), decoding only trusted types: the packages
 * of {@code sagents.codec.trusted-packages}, the application's auto-configuration packages
 * (those of its {@code @SpringBootApplication}) and the packages of the {@link AgentBehavior}
 * beans' state types. A state type of the JDK (such as {@code Integer}) is trusted as that one
 * class, never its package.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JsonMapper.class)
@Conditional(NotCompactFormatCondition.class)
class JsonMessageCodecConfiguration {

	@Bean
	@ConditionalOnMissingBean(MessageCodec.class)
	JsonMessageCodec sagentsMessageCodec(ObjectProvider<JsonMapper> mapper, SagentsProperties properties,
			BeanFactory beanFactory, ResourceLoader resourceLoader, ObjectProvider<AgentBehavior<?>> behaviors) {
		return jsonMessageCodec(mapper, properties, beanFactory, resourceLoader, behaviors);
	}

	/** The JSON codec, also the one the Compact codec hands every other value to. */
	static JsonMessageCodec jsonMessageCodec(ObjectProvider<JsonMapper> mapper, SagentsProperties properties,
			BeanFactory beanFactory, ResourceLoader resourceLoader, ObjectProvider<AgentBehavior<?>> behaviors) {
		Set<String> packages = new LinkedHashSet<>(properties.getCodec().getTrustedPackages());
		if (AutoConfigurationPackages.has(beanFactory)) {
			// The default package (a @SpringBootApplication without one) names no package to trust.
			AutoConfigurationPackages.get(beanFactory)
				.stream()
				.filter((name) -> !name.isEmpty())
				.forEach(packages::add);
		}
		Set<Class<?>> classes = new LinkedHashSet<>();
		behaviors.orderedStream().map(AgentBehavior::stateType).forEach((stateType) -> {
			if (isApplicationClass(stateType) && !stateType.getPackageName().isEmpty()) {
				packages.add(stateType.getPackageName());
			}
			else {
				classes.add(stateType);
			}
		});
		TrustedTypes trusted = new TrustedTypes(packages, classes, resourceLoader.getClassLoader());
		return new JsonMessageCodec(mapper.getIfUnique(() -> JsonMapper.builder().build()), trusted);
	}

	/** Loaded by neither the bootstrap nor the platform class loader, so not part of the JDK. */
	private static boolean isApplicationClass(Class<?> type) {
		ClassLoader loader = type.getClassLoader();
		return loader != null && loader != ClassLoader.getPlatformClassLoader();
	}

}
