package dev.sagents.autoconfigure;

import java.nio.file.Path;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.horde.ApplicationHazelcastMemberProvider;
import dev.sagents.horde.HazelcastMemberProvider;
import dev.sagents.horde.OwnedHazelcastMemberProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@code sagents.horde.discovery} in a horde-mode context: the member sagents would start joins as
 * each value says, and each combination that cannot work is refused at startup with a report
 * naming the property, the value and what is allowed. Lifecycle beans do not start, so no member
 * looks for others.
 */
class DiscoveryConfigurationTests {

	private static final String ONE_WAY = "exactly one of sagents.horde.kubernetes.service-dns (the DNS name of a "
			+ "headless Service, such as notes-hazelcast.default.svc.cluster.local), or, through the Kubernetes API, "
			+ "sagents.horde.kubernetes.service-name, service-label-name or pod-label-name";

	private final SettingsReports reports = new SettingsReports();

	@TempDir
	Path baseDirectory;

	private ApplicationContextRunner horde() {
		return this.reports.runner()
			.withPropertyValues("sagents.distribution=horde", "sagents.node-name=n1",
					"sagents.filesystem.base-directory=" + this.baseDirectory);
	}

	@Test
	void tcpJoinsTheListedMembers() {
		horde().withPropertyValues("sagents.horde.discovery=tcp", "sagents.horde.network.join-members=10.0.0.1")
			.run((context) -> {
				JoinConfig join = ownedJoin(context.getBean(HazelcastMemberProvider.class));
				assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
				assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.0.0.1");
				assertThat(join.getMulticastConfig().isEnabled()).isFalse();
				assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
			});
	}

	@Test
	void multicastJoinsTheGroup() {
		horde().withPropertyValues("sagents.horde.discovery=multicast", "sagents.horde.multicast.group=239.1.2.3",
				"sagents.horde.multicast.port=54400")
			.run((context) -> {
				JoinConfig join = ownedJoin(context.getBean(HazelcastMemberProvider.class));
				assertThat(join.getMulticastConfig().isEnabled()).isTrue();
				assertThat(join.getMulticastConfig().getMulticastGroup()).isEqualTo("239.1.2.3");
				assertThat(join.getMulticastConfig().getMulticastPort()).isEqualTo(54400);
				assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
				assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
			});
	}

	@Test
	void kubernetesFindsThePodsOfTheHeadlessService() {
		horde().withPropertyValues("sagents.horde.discovery=kubernetes", "sagents.horde.network.port=5701",
				"sagents.horde.kubernetes.service-dns=notes-hazelcast.shop.svc.cluster.local",
				"sagents.horde.kubernetes.service-dns-timeout=10s")
			.run((context) -> {
				JoinConfig join = ownedJoin(context.getBean(HazelcastMemberProvider.class));
				assertThat(join.getKubernetesConfig().isEnabled()).isTrue();
				assertThat(join.getKubernetesConfig().getProperties())
					.containsEntry("service-dns", "notes-hazelcast.shop.svc.cluster.local")
					.containsEntry("service-dns-timeout", "10")
					.containsEntry("service-port", "5701");
				assertThat(join.getTcpIpConfig().isEnabled()).isFalse();
				assertThat(join.getMulticastConfig().isEnabled()).isFalse();
				assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
			});
	}

	@Test
	void kubernetesThroughTheApiWithAServiceName() {
		horde().withPropertyValues("sagents.horde.discovery=kubernetes", "sagents.horde.kubernetes.namespace=shop",
				"sagents.horde.kubernetes.service-name=notes-hazelcast")
			.run((context) -> assertThat(
					ownedJoin(context.getBean(HazelcastMemberProvider.class)).getKubernetesConfig().getProperties())
				.containsEntry("namespace", "shop")
				.containsEntry("service-name", "notes-hazelcast"));
	}

	@Test
	void misspeltDiscoveryListsTheAllowedValues() {
		this.reports.assertReport(horde(), "sagents.horde.discovery=k8s", "sagents.horde.discovery", "k8s",
				"tcp, multicast, kubernetes");
	}

	@Test
	void kubernetesWithoutAWayToFindThePodsIsRefused() {
		horde().withPropertyValues("sagents.horde.discovery=kubernetes")
			.run((context) -> SettingsReports.assertAnalysis(this.reports.analyzeFailure(context),
					"sagents.horde.kubernetes.service-dns", "null", ONE_WAY));
	}

	@Test
	void kubernetesWithTwoWaysToFindThePodsIsRefused() {
		this.reports.assertReport(
				horde().withPropertyValues("sagents.horde.discovery=kubernetes",
						"sagents.horde.kubernetes.service-dns=notes-hazelcast"),
				"sagents.horde.kubernetes.service-name=notes", "sagents.horde.kubernetes.service-name", "notes",
				"no value with sagents.horde.kubernetes.service-dns (" + ONE_WAY + ")");
	}

	@Test
	void aNamespaceWithDnsLookupIsRefused() {
		this.reports.assertReport(
				horde().withPropertyValues("sagents.horde.discovery=kubernetes",
						"sagents.horde.kubernetes.service-dns=notes-hazelcast"),
				"sagents.horde.kubernetes.namespace=shop", "sagents.horde.kubernetes.namespace", "shop",
				"no value with sagents.horde.kubernetes.service-dns (the namespace is part of the DNS name); it "
						+ "applies to the Kubernetes API only");
	}

	@Test
	void aDnsTimeoutWithoutDnsLookupIsRefused() {
		this.reports.assertReport(
				horde().withPropertyValues("sagents.horde.discovery=kubernetes",
						"sagents.horde.kubernetes.service-name=notes-hazelcast"),
				"sagents.horde.kubernetes.service-dns-timeout=5s", "sagents.horde.kubernetes.service-dns-timeout", "5s",
				"no value without sagents.horde.kubernetes.service-dns");
	}

	@Test
	void aFractionalDnsTimeoutIsRefused() {
		this.reports.assertReport(
				horde().withPropertyValues("sagents.horde.discovery=kubernetes",
						"sagents.horde.kubernetes.service-dns=notes-hazelcast"),
				"sagents.horde.kubernetes.service-dns-timeout=1500ms", "sagents.horde.kubernetes.service-dns-timeout",
				"1500ms", "a whole number of seconds, at least 1s, such as 5s");
	}

	@Test
	void aServiceLabelWithoutItsValueIsRefused() {
		horde().withPropertyValues("sagents.horde.discovery=kubernetes", "sagents.horde.kubernetes.service-label-name=app")
			.run((context) -> SettingsReports.assertAnalysis(this.reports.analyzeFailure(context),
					"sagents.horde.kubernetes.service-label-value", "null",
					"the value of the label sagents.horde.kubernetes.service-label-name names ('app')"));
	}

	@Test
	void podLabelValuesThatDoNotMatchTheLabelsAreRefused() {
		this.reports.assertReport(
				horde().withPropertyValues("sagents.horde.discovery=kubernetes",
						"sagents.horde.kubernetes.pod-label-name=app,role"),
				"sagents.horde.kubernetes.pod-label-value=notes", "sagents.horde.kubernetes.pod-label-value", "notes",
				"as many comma-separated values as sagents.horde.kubernetes.pod-label-name has labels ('app,role')");
	}

	@Test
	void aBlankServiceNameIsRefused() {
		this.reports.assertReport(horde().withPropertyValues("sagents.horde.discovery=kubernetes"),
				"sagents.horde.kubernetes.service-name= ", "sagents.horde.kubernetes.service-name", "",
				"a non-blank value, or no value at all");
	}

	@Test
	void aKubernetesSettingWithoutKubernetesDiscoveryIsRefused() {
		this.reports.assertReport(horde(), "sagents.horde.kubernetes.service-dns=notes-hazelcast",
				"sagents.horde.kubernetes.service-dns", "notes-hazelcast",
				"no value unless sagents.horde.discovery=kubernetes (it is tcp)");
	}

	@Test
	void aMulticastSettingWithoutMulticastDiscoveryIsRefused() {
		this.reports.assertReport(horde().withPropertyValues("sagents.horde.discovery=kubernetes"),
				"sagents.horde.multicast.port=54400", "sagents.horde.multicast.port", "54400",
				"no value unless sagents.horde.discovery=multicast (it is kubernetes)");
	}

	@Test
	void joinMembersWithoutTcpDiscoveryAreRefused() {
		this.reports.assertReport(horde().withPropertyValues("sagents.horde.discovery=multicast"),
				"sagents.horde.network.join-members=10.0.0.1", "sagents.horde.network.join-members", "10.0.0.1",
				"no value with sagents.horde.discovery=multicast (the member list is the way 'tcp' finds members)");
	}

	@Test
	void aGroupThatIsNoMulticastAddressIsRefused() {
		this.reports.assertReport(horde().withPropertyValues("sagents.horde.discovery=multicast"),
				"sagents.horde.multicast.group=10.0.0.1", "sagents.horde.multicast.group", "10.0.0.1",
				"an IPv4 multicast address, from 224.0.0.0 to 239.255.255.255, such as 224.2.2.3");
	}

	@Test
	void aMulticastPortOutOfRangeIsRefused() {
		this.reports.assertReport(horde().withPropertyValues("sagents.horde.discovery=multicast"),
				"sagents.horde.multicast.port=70000", "sagents.horde.multicast.port", "70000", "a port from 1 to 65535");
	}

	@Test
	void anotherDiscoveryOnTheApplicationsInstanceIsRefused() {
		this.reports.assertReport(
				horde().withBean(HazelcastInstance.class, DiscoveryConfigurationTests::applicationMember)
					.withPropertyValues("sagents.horde.kubernetes.service-dns=notes-hazelcast"),
				"sagents.horde.discovery=kubernetes", "sagents.horde.discovery", "kubernetes",
				"tcp or no value: with sagents.horde.members=auto sagents runs on the application's HazelcastInstance, "
						+ "whose own join configuration applies (configure its discovery there, such as in "
						+ "spring.hazelcast.config), or set sagents.horde.members=participation for a member sagents "
						+ "starts itself, which this discovery then configures");
	}

	@Test
	void tcpOnTheApplicationsInstanceIsAccepted() {
		horde().withBean(HazelcastInstance.class, DiscoveryConfigurationTests::applicationMember)
			.withPropertyValues("sagents.horde.discovery=tcp")
			.run((context) -> assertThat(context.getBean(HazelcastMemberProvider.class))
				.isInstanceOf(ApplicationHazelcastMemberProvider.class));
	}

	@Test
	void withParticipationTheDiscoveryConfiguresTheMemberSagentsStartsBesideTheApplicationsInstance() {
		horde().withBean(HazelcastInstance.class, DiscoveryConfigurationTests::applicationMember)
			.withPropertyValues("sagents.horde.members=participation", "sagents.horde.discovery=kubernetes",
					"sagents.horde.kubernetes.service-dns=notes-hazelcast")
			.run((context) -> assertThat(
					ownedJoin(context.getBean(HazelcastMemberProvider.class)).getKubernetesConfig().isEnabled())
				.isTrue());
	}

	private static HazelcastInstance applicationMember() {
		HazelcastInstance application = mock(HazelcastInstance.class);
		given(application.getConfig()).willReturn(new Config());
		return application;
	}

	private static JoinConfig ownedJoin(HazelcastMemberProvider members) {
		assertThat(members).isInstanceOf(OwnedHazelcastMemberProvider.class);
		return ((OwnedHazelcastMemberProvider) members).config().getNetworkConfig().getJoin();
	}

}
