package dev.sagents.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.spi.properties.ClusterProperty;
import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.autoconfigure.SagentsProperties.Horde;
import dev.sagents.cluster.ClusterView;
import dev.sagents.codec.CompactMessageCodec;
import dev.sagents.codec.JsonMessageCodec;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.TrustedTypes;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.horde.ApplicationHazelcastMemberProvider;
import dev.sagents.horde.HazelcastMemberProvider;
import dev.sagents.horde.HordeAgentsSupervisor;
import dev.sagents.horde.HordeClusterView;
import dev.sagents.horde.HordeFileSystemSupervisor;
import dev.sagents.horde.HordeNode;
import dev.sagents.horde.HordeProcessRegistry;
import dev.sagents.horde.HordeSettings;
import dev.sagents.horde.OwnedHazelcastMemberProvider;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.supervisor.ProcessFailureLog;
import dev.sagents.supervisor.SagentsSupervisor;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.AllNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The horde backend ({@code sagents.distribution=horde}): registry, supervisors and cluster view
 * across a Hazelcast cluster. The member it runs on is the application's Hazelcast instance with
 * {@code members=auto} when the context has exactly one, else a member sagents starts and owns,
 * configured from {@code sagents.horde.*} ({@link HordeMemberConfigFactory}) and the
 * {@link SagentsHazelcastConfigCustomizer} beans.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sagents.distribution", havingValue = "horde")
@ConditionalOnClass(HazelcastInstance.class)
class HordeBackendConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HordeSettings sagentsHordeSettings(SagentsProperties properties, LocalProcessRuntime runtime) {
		Horde horde = properties.getHorde();
		return new HordeSettings(runtime.node(), horde.getMembers(), horde.getPartition(), horde.getRequestTimeout(),
				horde.getSilentConnectionTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	HordeNode sagentsHordeNode(HazelcastMemberProvider members, LocalProcessRuntime runtime, MessageCodec codec,
			HordeSettings settings) {
		return new HordeNode(members, runtime, codec, settings);
	}

	@Bean
	@ConditionalOnMissingBean
	HordeProcessRegistry sagentsProcessRegistry(HordeNode node) {
		return new HordeProcessRegistry(node);
	}

	@Bean
	@ConditionalOnMissingBean
	HordeFileSystemSupervisor sagentsFileSystemSupervisor(HordeNode node, FileSystemPersistence persistence,
			SagentsProperties properties, ProcessFailureLog failures) {
		return new HordeFileSystemSupervisor(node, persistence, properties.getFilesystem().toSettings(), failures);
	}

	/**
	 * Agents keep no state between runs, nor across a move to another member, unless the
	 * application declares an {@link AgentPersistence}.
	 */
	@Bean
	@ConditionalOnMissingBean
	HordeAgentsSupervisor sagentsAgentsSupervisor(HordeNode node, AgentBehaviorResolver behaviors,
			ObjectProvider<AgentPersistence> persistence, HordeFileSystemSupervisor fileSystems,
			SagentsProperties properties, ProcessFailureLog failures) {
		return new HordeAgentsSupervisor(node, behaviors, persistence.getIfAvailable(AgentPersistence::none),
				fileSystems, properties.getAgents().toSettings(), failures);
	}

	@Bean
	@ConditionalOnMissingBean(ClusterView.class)
	HordeClusterView sagentsClusterView(HordeNode node) {
		return new HordeClusterView(node);
	}

	/**
	 * The participation gate, as in local mode: without this bean the node hosts nothing, and with
	 * {@code members=participation} it does not even join the sagents cluster.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "sagents.supervisor.enabled", matchIfMissing = true)
	SagentsSupervisor sagentsSupervisor(HordeProcessRegistry registry, HordeAgentsSupervisor agentsSupervisor,
			HordeFileSystemSupervisor fileSystemSupervisor) {
		return new SagentsSupervisor(registry, agentsSupervisor, fileSystemSupervisor);
	}

	/**
	 * {@code sagents.horde.codec.format=json} (the default): JSON through the application's Jackson
	 * {@code JsonMapper} (a default one when it has none), decoding only trusted types: the packages
	 * of {@code sagents.horde.codec.trusted-packages}, the application's auto-configuration packages
	 * (those of its {@code @SpringBootApplication}) and the packages of the {@link AgentBehavior}
	 * beans' state types. A state type of the JDK (such as {@code Integer}) is trusted as that one
	 * class, never its package.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	@Conditional(NotCompactFormatCondition.class)
	static class JsonMessageCodecConfiguration {

		@Bean
		@ConditionalOnMissingBean(MessageCodec.class)
		JsonMessageCodec sagentsMessageCodec(ObjectProvider<JsonMapper> mapper, SagentsProperties properties,
				BeanFactory beanFactory, ResourceLoader resourceLoader, ObjectProvider<AgentBehavior<?>> behaviors) {
			return jsonMessageCodec(mapper, properties, beanFactory, resourceLoader, behaviors);
		}

		/** The JSON codec, also the one the Compact codec hands every other value to. */
		static JsonMessageCodec jsonMessageCodec(ObjectProvider<JsonMapper> mapper, SagentsProperties properties,
				BeanFactory beanFactory, ResourceLoader resourceLoader, ObjectProvider<AgentBehavior<?>> behaviors) {
			Set<String> packages = new LinkedHashSet<>(properties.getHorde().getCodec().getTrustedPackages());
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

	/**
	 * {@code sagents.horde.codec.format=compact}: values of the classes of the application's
	 * {@link CompactSerializer} beans travel as Hazelcast Compact, decoded only for the type names
	 * of those serializers; every other value travels as JSON, exactly as with {@code json}.
	 * Without any such bean every value is JSON. The serializers are used by the codec only, not
	 * registered with a Hazelcast member.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	@ConditionalOnProperty(name = "sagents.horde.codec.format", havingValue = "compact")
	static class CompactMessageCodecConfiguration {

		@Bean
		@ConditionalOnMissingBean(MessageCodec.class)
		CompactMessageCodec sagentsMessageCodec(ObjectProvider<CompactSerializer<?>> serializers,
				ObjectProvider<JsonMapper> mapper, SagentsProperties properties, BeanFactory beanFactory,
				ResourceLoader resourceLoader, ObjectProvider<AgentBehavior<?>> behaviors) {
			return new CompactMessageCodec(serializers.orderedStream().toList(), JsonMessageCodecConfiguration
				.jsonMessageCodec(mapper, properties, beanFactory, resourceLoader, behaviors));
		}

	}

	/**
	 * {@code members=auto} and the context has one {@code HazelcastInstance} (Spring Boot's, from
	 * {@code spring.hazelcast.config}, a {@code hazelcast.xml} or a {@code Config} bean, or the
	 * application's own bean): every member of the application's cluster is a sagents member.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(ApplicationMemberCondition.class)
	static class ApplicationMemberConfiguration {

		@Bean
		@ConditionalOnMissingBean(HazelcastMemberProvider.class)
		ApplicationHazelcastMemberProvider sagentsHazelcastMemberProvider(HazelcastInstance hazelcastInstance) {
			return new ApplicationHazelcastMemberProvider(hazelcastInstance);
		}

	}

	/**
	 * Otherwise (always with {@code members=participation}, so that nodes without the supervisor
	 * never join the sagents cluster) a member sagents starts when its supervisor starts.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(NoApplicationMemberCondition.class)
	static class OwnedMemberConfiguration {

		@Bean
		@ConditionalOnMissingBean(HazelcastMemberProvider.class)
		OwnedHazelcastMemberProvider sagentsHazelcastMemberProvider(SagentsProperties properties,
				LocalProcessRuntime runtime, ObjectProvider<SagentsHazelcastConfigCustomizer> customizers) {
			Config config = HordeMemberConfigFactory.create(properties.getHorde(), runtime.node());
			customizers.orderedStream().forEach((customizer) -> customizer.customize(config));
			return new OwnedHazelcastMemberProvider(config);
		}

	}

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
	static class ApplicationMemberShutdownConfiguration {

		@Bean
		@Order(0)
		HazelcastConfigCustomizer sagentsShutdownHookHazelcastConfigCustomizer() {
			return (config) -> HordeMemberConfigFactory.fillIn(config, ClusterProperty.SHUTDOWNHOOK_ENABLED, false);
		}

	}

	/**
	 * Any codec format but {@code compact}: {@code json}, no value, or an empty one (which binds as
	 * the default), so that a context always has a codec.
	 */
	static class NotCompactFormatCondition extends NoneNestedConditions {

		NotCompactFormatCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "sagents.horde.codec.format", havingValue = "compact")
		static class CompactFormat {

		}

	}

	/** {@code members=auto} and the context has one {@code HazelcastInstance}, or one primary. */
	static class ApplicationMemberCondition extends AllNestedConditions {

		ApplicationMemberCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "sagents.horde.members", havingValue = "auto", matchIfMissing = true)
		static class MembersAuto {

		}

		@ConditionalOnSingleCandidate(HazelcastInstance.class)
		static class SingleApplicationInstance {

		}

	}

	/**
	 * The opposite of {@link ApplicationMemberCondition}, so that which provider is chosen never
	 * depends on the order the configurations are read in.
	 */
	static class NoApplicationMemberCondition extends NoneNestedConditions {

		NoApplicationMemberCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@Conditional(ApplicationMemberCondition.class)
		static class ApplicationMember {

		}

	}

}
