package dev.sagents.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Which cluster an application's nodes form when no cluster name is set. */
class ApplicationClusterNameTests {

	private final MockEnvironment environment = new MockEnvironment();

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	@Test
	void theApplicationsNameNamesTheCluster() {
		this.environment.setProperty("spring.application.name", "orders");
		AutoConfigurationPackages.register(this.beanFactory, "com.example.billing");
		assertThat(ApplicationClusterName.of(this.environment, this.beanFactory)).isEqualTo("sagents-orders");
	}

	@Test
	void withoutANameThePackageOfTheApplicationClassNamesIt() {
		AutoConfigurationPackages.register(this.beanFactory, "com.example.billing");
		assertThat(ApplicationClusterName.of(this.environment, this.beanFactory))
			.isEqualTo("sagents-com.example.billing");
	}

	@Test
	void withNeitherTheClusterIsSagents() {
		assertThat(ApplicationClusterName.of(this.environment, this.beanFactory)).isEqualTo("sagents");
	}

	@Test
	void charactersAClusterNameShouldNotCarryBecomeDashes() {
		this.environment.setProperty("spring.application.name", " Order Desk/EU ");
		assertThat(ApplicationClusterName.of(this.environment, this.beanFactory)).isEqualTo("sagents-Order-Desk-EU");
	}

}
