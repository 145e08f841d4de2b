package dev.sagents.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;


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
 * {@code sagents}. Characters a cluster name should not carry become {@code -}, and a name longer
 * than an explicit cluster name may be is shortened, ending with a hash of the whole.
 */
final class ApplicationClusterName {

	private static final String PREFIX = HordeProperties.DEFAULT_CLUSTER_NAME + "-";

	/** How many bytes of the hash a shortened name ends with (two hexadecimal digits each). */
	private static final int HASH_BYTES = 4;

	private ApplicationClusterName() {
	}

	/** The default cluster name of the application whose environment and bean factory these are. */
	static String of(Environment environment, BeanFactory beanFactory) {
		String applicationName = environment.getProperty("spring.application.name");
		if (StringUtils.hasText(applicationName)) {
			return named(applicationName);
		}
		if (AutoConfigurationPackages.has(beanFactory)) {
			List<String> packages = AutoConfigurationPackages.get(beanFactory);
			if (!packages.isEmpty() && StringUtils.hasText(packages.get(0))) {
				return named(packages.get(0));
			}
		}
		return HordeProperties.DEFAULT_CLUSTER_NAME;
	}

	/**
	 * {@code sagents-} and the sanitized name; past {@value SagentsPropertiesValidator#MAX_NAME_LENGTH}
	 * characters, the length an explicit cluster name may have, its start and a short hash of the
	 * whole, so that two long names that start alike still name two clusters.
	 */
	private static String named(String applicationName) {
		String name = PREFIX + applicationName.strip().replaceAll("[^A-Za-z0-9._-]", "-");
		if (name.length() <= SagentsPropertiesValidator.MAX_NAME_LENGTH) {
			return name;
		}
		String hash = hash(name);
		return name.substring(0, SagentsPropertiesValidator.MAX_NAME_LENGTH - hash.length() - 1) + "-" + hash;
	}

	/** The first 8 hexadecimal digits of the SHA-256 of {@code name}. */
	private static String hash(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, HASH_BYTES);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
