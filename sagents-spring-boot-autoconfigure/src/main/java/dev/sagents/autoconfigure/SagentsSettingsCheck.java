package dev.sagents.autoconfigure;

import dev.sagents.codec.MessageCodec;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.Environment;

/**
 * Checks the {@code sagents.*} settings once every bean is defined and before any is created:
 * binds them as {@link SagentsProperties} and {@link SagentsPersistenceProperties} bind, then
 * {@link SagentsPropertiesValidator} checks the values, {@link HordeRequirements} what horde mode
 * needs and {@link PersistenceRequirements} what the chosen store needs. A bad setting so stops startup with
 * the {@link SagentsPropertiesFailureAnalyzer}'s report whatever the application's beans need.
 *
 * <p>Why here: checked only when the properties bean is created, a bean of the application that
 * needs an {@code AgentsSupervisor} (created earlier, as its definition comes first) would fail
 * first, as no backend matches a misspelt {@code sagents.distribution}, and Spring would report a
 * missing bean instead. An {@code EnvironmentPostProcessor} runs before there is a context to
 * analyse the failure with or bean definitions to look at (the application's own
 * {@code MessageCodec}); a condition would cover only the distribution. A bean factory post
 * processor runs in the one window that has both: every definition registered, no bean made.
 */
final class SagentsSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

	private static final String PREFIX = "sagents";

	private static final String PERSISTENCE_PREFIX = "sagents.persistence";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
		Binder binder = binder(beanFactory);
		SagentsProperties properties = bind(binder, PREFIX, new SagentsProperties());
		SagentsPropertiesValidator.validate(properties);
		HordeRequirements.check(properties, this.environment, beanFactory.getBeanClassLoader(),
				() -> declares(beanFactory, MessageCodec.class));
		PersistenceRequirements.check(bind(binder, PERSISTENCE_PREFIX, new SagentsPersistenceProperties()), properties,
				beanFactory.getBeanClassLoader(), (type) -> declares(beanFactory, type));
	}

	private static boolean declares(ConfigurableListableBeanFactory beanFactory, Class<?> type) {
		return beanFactory.getBeanNamesForType(type, true, false).length > 0;
	}

	/**
	 * The settings as the properties bean will have them: the same sources, placeholders and
	 * conversions (the context's property editors included, which turn a location into a
	 * {@code Resource}). A value that does not bind throws Spring Boot's {@code BindException}.
	 */
	private Binder binder(ConfigurableListableBeanFactory beanFactory) {
		return new Binder(ConfigurationPropertySources.get(this.environment),
				new PropertySourcesPlaceholdersResolver(this.environment), (ConversionService) null,
				beanFactory::copyRegisteredEditorsTo);
	}

	private static <T> T bind(Binder binder, String prefix, T properties) {
		binder.bind(prefix, Bindable.ofInstance(properties), new IgnoreTopLevelConverterNotFoundBindHandler());
		return properties;
	}

	/** Before other post processors, which might create beans. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
