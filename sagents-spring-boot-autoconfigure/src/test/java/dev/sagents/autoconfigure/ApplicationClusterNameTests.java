package dev.sagents.autoconfigure;

import java.util.List;

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
	void aLongNameIsShortenedToWhatAClusterNameMayBeAndTwoLongNamesStayApart() {
		String common = "com.example.a-rather-long-company-name.with-a-long-division.";
		this.environment.setProperty("spring.application.name", common + "orders");
		String orders = ApplicationClusterName.of(this.environment, this.beanFactory);
		this.environment.setProperty("spring.application.name", common + "billing");
		String billing = ApplicationClusterName.of(this.environment, this.beanFactory);

		assertThat(List.of(orders, billing)).allSatisfy((name) -> assertThat(name).hasSize(64)
			.startsWith("sagents-com.example.a-rather-long-company-name.with-a-")
			.matches("[A-Za-z0-9._-]{1,64}"));
		assertThat(orders).isNotEqualTo(billing);
		assertThat(ApplicationClusterName.of(this.environment, this.beanFactory)).isEqualTo(billing);
	}

	@Test
	void aNameOfTheLengthAClusterNameMayHaveIsKept() {
		String name = "x".repeat(64 - "sagents-".length());
		this.environment.setProperty("spring.application.name", name);
		assertThat(ApplicationClusterName.of(this.environment, this.beanFactory)).isEqualTo("sagents-" + name);
	}

	@Test
	void charactersAClusterNameShouldNotCarryBecomeDashes() {
		this.environment.setProperty("spring.application.name", " Order Desk/EU ");
		assertThat(ApplicationClusterName.of(this.environment, this.beanFactory)).isEqualTo("sagents-Order-Desk-EU");
	}

}
