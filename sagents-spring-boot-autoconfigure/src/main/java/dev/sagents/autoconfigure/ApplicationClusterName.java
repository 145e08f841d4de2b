package dev.sagents.autoconfigure;

import java.util.List;

import dev.sagents.autoconfigure.SagentsProperties.Horde;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The cluster name of the member sagents starts when {@code sagents.horde.cluster-name} is not
 * set: {@code sagents-} and the application's name, so that two different applications on one
 * host or network never join each other's cluster, while the nodes of one application do. The
 * application's name is {@code spring.application.name}, else the package of its
 * {@code @SpringBootApplication} class (its first auto-configuration package); without either,
 * {@code sagents}. Characters a cluster name should not carry become {@code -}.
 */
final class ApplicationClusterName {

	private static final String PREFIX = Horde.DEFAULT_CLUSTER_NAME + "-";

	private ApplicationClusterName() {
	}

	/** The default cluster name of the application whose environment and bean factory these are. */
	static String of(Environment environment, BeanFactory beanFactory) {
		String applicationName = environment.getProperty("spring.application.name");
		if (StringUtils.hasText(applicationName)) {
			return PREFIX + sanitize(applicationName);
		}
		if (AutoConfigurationPackages.has(beanFactory)) {
			List<String> packages = AutoConfigurationPackages.get(beanFactory);
			if (!packages.isEmpty() && StringUtils.hasText(packages.get(0))) {
				return PREFIX + sanitize(packages.get(0));
			}
		}
		return Horde.DEFAULT_CLUSTER_NAME;
	}

	private static String sanitize(String name) {
		return name.strip().replaceAll("[^A-Za-z0-9._-]", "-");
	}

}
