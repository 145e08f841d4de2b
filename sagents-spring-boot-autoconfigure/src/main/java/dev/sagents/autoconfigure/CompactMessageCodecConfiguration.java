package dev.sagents.autoconfigure;

import com.hazelcast.nio.serialization.compact.CompactSerializer;
import dev.sagents.agent.AgentBehavior;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.compact.CompactMessageCodec;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sagents.codec.format=compact}: values of the classes of the application's
 * {@link CompactSerializer} beans travel as Hazelcast Compact, decoded only for the type names
 * of those serializers; every other value travels as JSON, exactly as with {@code json}.
 * Without any such bean every value is JSON. The serializers are used by the codec only, not
 * registered with a Hazelcast member.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "tools.jackson.databind.json.JsonMapper",
		"com.hazelcast.nio.serialization.compact.CompactSerializer" })
@ConditionalOnProperty(name = "sagents.codec.format", havingValue = "compact")
class CompactMessageCodecConfiguration {

	@Bean
	@ConditionalOnMissingBean(MessageCodec.class)
	CompactMessageCodec sagentsMessageCodec(ObjectProvider<CompactSerializer<?>> serializers,
			ObjectProvider<JsonMapper> mapper, SagentsProperties properties, BeanFactory beanFactory,
			ResourceLoader resourceLoader, ObjectProvider<AgentBehavior<?>> behaviors) {
		return new CompactMessageCodec(serializers.orderedStream().toList(), JsonMessageCodecConfiguration
			.jsonMessageCodec(mapper, properties, beanFactory, resourceLoader, behaviors));
	}

}
