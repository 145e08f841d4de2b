package dev.sagents.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentBehaviorResolver;
import dev.sagents.agent.AgentSession;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.agent.NamedAgentBehaviorResolver;
import dev.sagents.cluster.DistributionMode;
import dev.sagents.codec.MessageCodec;
import dev.sagents.codec.Transit;
import dev.sagents.local.LocalProcessRuntime;
import dev.sagents.metrics.SagentsMetrics;
import dev.sagents.observation.SagentsObservations;
import dev.sagents.supervisor.ProcessFailureLog;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What every backend shares: the handler executor, the process runtime, the failure log, the agent
 * behaviours and the session facade.
 */
@Configuration(proxyBeanMethods = false)
class SagentsCoreConfiguration {

	/** Name of the executor bean that runs process handlers; declare one with this name to supply your own. */
	static final String EXECUTOR_BEAN_NAME = "sagentsExecutor";

	/** How many given-up processes the failure log keeps for the actuator endpoint. */
	static final int FAILURE_LOG_CAPACITY = 100;

	/** Shut down with the context; an executor the application supplies is left to the application. */
	@Bean(name = EXECUTOR_BEAN_NAME, destroyMethod = "shutdown")
	@ConditionalOnMissingBean(name = EXECUTOR_BEAN_NAME)
	ExecutorService sagentsExecutor(SagentsProperties properties) {
		RuntimeProperties runtime = properties.getRuntime();
		return SagentsExecutors.create(runtime.getThreads(), runtime.effectiveParallelism());
	}

	/**
	 * The runtime, whose agents check their messages and replies with the {@link MessageCodec}
	 * when there is one ({@link Transit}), in local mode too, so that what horde mode would refuse
	 * is refused alike wherever an agent runs.
	 */
	@Bean
	@ConditionalOnMissingBean
	LocalProcessRuntime sagentsProcessRuntime(SagentsProperties properties, Environment environment,
			@Qualifier(EXECUTOR_BEAN_NAME) Executor executor, ObjectProvider<MessageCodec> codec,
			ObjectProvider<SagentsMetrics> metrics, ObjectProvider<SagentsObservations> observations) {
		return new LocalProcessRuntime(nodeName(properties, environment), executor,
				transit(properties, codec.getIfAvailable()), metrics.getIfAvailable(() -> SagentsMetrics.NONE),
				properties.getAgents().getMailboxCapacity(), observations.getIfAvailable(() -> SagentsObservations.NONE));
	}

	/** The codec's checks, or its round trip with {@code sagents.codec.verify-local}. */
	static Transit transit(SagentsProperties properties, MessageCodec codec) {
		boolean verifyLocal = properties.getCodec().isVerifyLocal();
		if (codec == null) {
			if (verifyLocal) {
				throw new InvalidSagentsPropertyException("sagents.codec.verify-local", true,
						"false, as there is no MessageCodec to verify with: add tools.jackson.core:jackson-databind,"
								+ " or declare a MessageCodec bean");
			}
			return Transit.unchecked();
		}
		return Transit.through(codec, verifyLocal);
	}

	@Bean
	@ConditionalOnMissingBean
	ProcessFailureLog sagentsProcessFailureLog() {
		return new ProcessFailureLog(FAILURE_LOG_CAPACITY);
	}

	/**
	 * Agent types are the bean names of the {@link AgentBehavior} beans. The default type is
	 * {@code sagents.agents.default-type}, else the {@code @Primary} behaviour, else the only one.
	 */
	@Bean
	@ConditionalOnMissingBean
	AgentBehaviorResolver sagentsAgentBehaviorResolver(SagentsProperties properties, ListableBeanFactory beanFactory,
			ObjectProvider<AgentBehavior<?>> primaryOrOnly) {
		Map<String, AgentBehavior<?>> behaviors = new LinkedHashMap<>();
		for (String name : beanFactory.getBeanNamesForType(AgentBehavior.class)) {
			behaviors.put(name, beanFactory.getBean(name, AgentBehavior.class));
		}
		String defaultType = properties.getAgents().getDefaultType();
		if (defaultType != null && !behaviors.containsKey(defaultType)) {
			throw new InvalidSagentsPropertyException("sagents.agents.default-type", defaultType,
					behaviors.isEmpty() ? "no value, since no AgentBehavior bean is declared"
							: "the bean name of an AgentBehavior: " + String.join(", ", behaviors.keySet()));
		}
		if (defaultType == null) {
			AgentBehavior<?> behavior = primaryOrOnly.getIfUnique();
			defaultType = behaviors.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() == behavior)
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(null);
		}
		return new NamedAgentBehaviorResolver(behaviors, defaultType);
	}

	@Bean
	@ConditionalOnMissingBean
	AgentSession sagentsAgentSession(AgentsSupervisor agentsSupervisor) {
		return new AgentSession(agentsSupervisor);
	}

	/**
	 * {@code sagents.node-name}, else the host name ({@code localhost} when the host has no
	 * resolvable name). In horde mode the default also has to tell apart nodes on one host, so it is
	 * {@code <host>:<server.port>}, or {@code <host>:<pid>} when no fixed server port is set (none,
	 * or 0 for a random one): nodes on one host cannot share a fixed port, and a port survives a
	 * restart, which keeps the name stable in diagnostics.
	 */
	static String nodeName(SagentsProperties properties, Environment environment) {
		if (properties.getNodeName() != null) {
			return properties.getNodeName();
		}
		String host = hostName();
		if (properties.getDistribution() != DistributionMode.HORDE) {
			return host;
		}
		Integer serverPort = environment.getProperty("server.port", Integer.class);
		return host + ":" + ((serverPort != null && serverPort > 0) ? serverPort : ProcessHandle.current().pid());
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
