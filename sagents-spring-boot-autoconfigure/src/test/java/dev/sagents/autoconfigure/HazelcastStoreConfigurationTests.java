package dev.sagents.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.sagents.agent.AgentBehavior;
import dev.sagents.agent.AgentPersistence;
import dev.sagents.agent.AgentRef;
import dev.sagents.agent.AgentSpec;
import dev.sagents.agent.AgentsSupervisor;
import dev.sagents.autoconfigure.HordeBackendConfigurationTests.NotStartingLifecycleProcessor;
import dev.sagents.codec.MessageCodec;
import dev.sagents.filesystem.FileSystemPersistence;
import dev.sagents.filesystem.FileSystemRef;
import dev.sagents.filesystem.FileSystemSupervisor;
import dev.sagents.horde.HordeNode;
import dev.sagents.horde.HordeStructures;
import dev.sagents.horde.OwnedHazelcastMemberProvider;
import dev.sagents.horde.persistence.HazelcastAgentStateStore;
import dev.sagents.horde.persistence.HazelcastFileSystemStore;
import dev.sagents.horde.persistence.HazelcastStoreMaps;
import dev.sagents.persistence.AgentStateStore;
import dev.sagents.persistence.AgentStorage;
import dev.sagents.persistence.FencedAgentStorage;
import dev.sagents.persistence.FileSystemStore;
import dev.sagents.persistence.StoredState;
import dev.sagents.persistence.disk.DiskFileSystemStore;
import dev.sagents.testsupport.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hazelcast.autoconfigure.HazelcastConfigCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.LifecycleProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@code sagents.persistence.store=hazelcast}: which beans keep agent state and files, the backups
 * their maps get on the member sagents starts and on the application's, and the reports that stop
 * startup. The contexts refresh without starting lifecycle beans, so no member starts here.
 */
class HazelcastStoreConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@TempDir
	Path baseDirectory;

	private final SettingsReports reports = new SettingsReports();

	private ApplicationContextRunner horde() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withPropertyValues("sagents.distribution=horde", "sagents.node-name=n1",
					"sagents.filesystem.base-directory=" + this.baseDirectory, "sagents.persistence.store=hazelcast")
			.withBean("lifecycleProcessor", LifecycleProcessor.class, NotStartingLifecycleProcessor::new);
	}

	private static Config ownedMember(org.springframework.context.ApplicationContext context) {
		return context.getBean(OwnedHazelcastMemberProvider.class).config();
	}

	@Test
	void aRunningNodeKeepsAgentStateAndFilesInItsMembersMaps() {
		int port = FreePorts.block(2);
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SagentsAutoConfiguration.class))
			.withBean("counting", AgentBehavior.class, () -> new CountingAgent("counting"))
			.withPropertyValues("sagents.distribution=horde", "sagents.node-name=n1",
					"sagents.filesystem.base-directory=" + this.baseDirectory, "sagents.persistence.store=hazelcast",
					"sagents.horde.cluster-name=" + FreePorts.clusterName("hz-store-node"),
					"sagents.horde.network.port=" + port, "sagents.horde.network.port-count=2",
					"sagents.horde.network.interface=127.0.0.1", "sagents.horde.network.join-members=127.0.0.1:" + port)
			.run((context) -> {
				AgentRef agent = context.getBean(AgentsSupervisor.class).startAgent(AgentSpec.of("a")).ref();
				assertThat(agent.callAndWait("hello", String.class, TIMEOUT)).isEqualTo("counting:1");
				StoredState stored = context.getBean(AgentStateStore.class).read("a").orElseThrow();
				assertThat(stored.epoch()).isEqualTo(1);
				assertThat(context.getBean(MessageCodec.class).decode(stored.state())).isEqualTo(1);
				FileSystemRef files = context.getBean(FileSystemSupervisor.class).ensureFileSystem("user:alice");
				files.writeText("notes.md", "in the map");
				files.flush();
				assertThat(context.getBean(FileSystemStore.class).read("user:alice", "notes.md")).isPresent();
				HazelcastInstance member = context.getBean(HordeNode.class).member().orElseThrow();
				assertThat(member.getMap(HordeStructures.AGENT_STATES_MAP).containsKey("a")).isTrue();
			});
	}

	@Test
	void agentStateAndFilesGoToTheMembersMapsFencedWithTheBackupsAsked() {
		horde().withPropertyValues("sagents.persistence.hazelcast.backup-count=2").run((context) -> {
			assertThat(context).hasSingleBean(HazelcastAgentStateStore.class)
				.hasSingleBean(HazelcastFileSystemStore.class)
				.doesNotHaveBean(DiskFileSystemStore.class);
			assertThat(context.getBean(AgentStorage.class)).isInstanceOf(FencedAgentStorage.class);
			Config config = ownedMember(context);
			assertThat(config.getMapConfigs().get(HordeStructures.AGENT_STATES_MAP).getBackupCount()).isEqualTo(2);
			assertThat(config.getMapConfigs().get(HordeStructures.FILE_SYSTEMS_FILES_MAP).getBackupCount()).isEqualTo(2);
		});
	}

	@Test
	void byDefaultTheMapsKeepOneBackupAndTheApplicationsCustomizerHasTheLastWord() {
		horde().run((context) -> assertThat(
				ownedMember(context).getMapConfigs().get(HordeStructures.AGENT_STATES_MAP).getBackupCount())
			.isEqualTo(1));
		horde().withBean(SagentsHazelcastConfigCustomizer.class,
				() -> (config) -> config.getMapConfigs().get(HordeStructures.AGENT_STATES_MAP).setBackupCount(3))
			.run((context) -> assertThat(
					ownedMember(context).getMapConfigs().get(HordeStructures.AGENT_STATES_MAP).getBackupCount())
				.isEqualTo(3));
	}

	@Test
	void theMapsOwnConfigurationOfAResourceKeepsItsOtherSettings() {
		Config config = new Config().addMapConfig(new MapConfig(HordeStructures.FILE_SYSTEMS_FILES_MAP)
			.setStatisticsEnabled(false)
			.setBackupCount(0));
		horde().withPropertyValues("sagents.persistence.hazelcast.backup-count=2").run((context) -> {
			context.getBean("sagentsStoreMapsConfigCustomizer", SagentsHazelcastConfigCustomizer.class).customize(config);
			MapConfig files = config.getMapConfigs().get(HordeStructures.FILE_SYSTEMS_FILES_MAP);
			assertThat(files.getBackupCount()).isEqualTo(2);
			assertThat(files.isStatisticsEnabled()).isFalse();
		});
	}

	@Test
	void anApplicationsAgentStateStoreOrAgentPersistenceWinsOverTheStore() {
		AgentStateStore own = mock(AgentStateStore.class);
		horde().withBean(AgentStateStore.class, () -> own).run((context) -> {
			assertThat(context).doesNotHaveBean(HazelcastAgentStateStore.class).hasSingleBean(HazelcastFileSystemStore.class);
			assertThat(context.getBean(AgentStateStore.class)).isSameAs(own);
		});
		horde().withBean(AgentPersistence.class, AgentPersistence::none).run((context) -> {
			assertThat(context).doesNotHaveBean(AgentStateStore.class).hasSingleBean(HazelcastFileSystemStore.class);
			assertThat(context.getBean(AgentStorage.class)).isNotInstanceOf(FencedAgentStorage.class);
		});
	}

	@Test
	void anApplicationsFileSystemStoreOrFileSystemPersistenceWinsOverTheStore() {
		FileSystemStore own = mock(FileSystemStore.class);
		horde().withBean(FileSystemStore.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(HazelcastFileSystemStore.class)
				.hasSingleBean(HazelcastAgentStateStore.class));
		horde().withBean(FileSystemPersistence.class, FileSystemPersistence::none)
			.run((context) -> assertThat(context).doesNotHaveBean(FileSystemStore.class)
				.hasSingleBean(HazelcastAgentStateStore.class));
	}

	@Test
	void otherStoresConfigureNoMapsAndNoStoreOnTheMember() {
		horde().withPropertyValues("sagents.persistence.store=none").run((context) -> {
			assertThat(context).doesNotHaveBean(HazelcastStoreMaps.class).doesNotHaveBean(AgentStateStore.class);
			assertThat(ownedMember(context).getMapConfigs()).doesNotContainKey(HordeStructures.AGENT_STATES_MAP);
		});
	}

	@Test
	void theApplicationsMemberFromAConfigurationFileGetsTheBackupsThroughSpringBoot() {
		HazelcastInstance application = applicationMember(new Config());
		horde().withBean(HazelcastInstance.class, () -> application).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(HazelcastStoreMaps.class);
			Config fromFile = new Config();
			context.getBean("sagentsStoreMapsHazelcastConfigCustomizer", HazelcastConfigCustomizer.class)
				.customize(fromFile);
			assertThat(fromFile.getMapConfigs().get(HordeStructures.AGENT_STATES_MAP).getBackupCount()).isEqualTo(1);
		});
	}

	@Test
	void anApplicationsMemberWithOtherBackupsStopsStartupWithAReportNamingBackupCount() {
		HazelcastInstance application = applicationMember(new Config());
		this.reports.runner()
			.withBean(HazelcastInstance.class, () -> application)
			.withPropertyValues("sagents.distribution=horde", "sagents.persistence.store=hazelcast",
					"sagents.persistence.hazelcast.backup-count=2")
			.run((context) -> SettingsReports.assertAnalysis(this.reports.analyzeFailure(context),
					"sagents.persistence.hazelcast.backup-count", "2",
					"what the application's Hazelcast member keeps (map sagents.agent-states keeps 1), or set"
							+ " backup-count 2 for sagents.agent-states and sagents.file-system-files in that member's"
							+ " configuration"));
	}

	@Test
	void anApplicationsMemberWhoseMapsExpireEntriesStopsStartupWithAReportNamingTheStore() {
		Config expiring = new Config().addMapConfig(new MapConfig("sagents.*").setTimeToLiveSeconds(3600));
		HazelcastInstance application = applicationMember(expiring);
		this.reports.runner()
			.withBean(HazelcastInstance.class, () -> application)
			.withPropertyValues("sagents.distribution=horde", "sagents.persistence.store=hazelcast")
			.run((context) -> SettingsReports.assertAnalysis(this.reports.analyzeFailure(context),
					"sagents.persistence.store", "hazelcast",
					"disk, jdbc or none; hazelcast once the application's Hazelcast member keeps every entry of"
							+ " sagents.agent-states and sagents.file-system-files (map sagents.agent-states has"
							+ " time-to-live-seconds 3600, which would drop states and epochs)"));
	}

	@Test
	void inLocalModeTheStoreIsRefusedWithAReportSayingWhatLocalModeAllows() {
		this.reports.runner()
			.withPropertyValues("sagents.persistence.store=hazelcast")
			.run((context) -> SettingsReports.assertAnalysis(this.reports.analyzeFailure(context),
					"sagents.persistence.store", "hazelcast", "disk, jdbc or none with sagents.distribution=local;"
							+ " the hazelcast store keeps its maps on the horde's members (sagents.distribution=horde)"));
	}

	@Test
	void aBackupCountHazelcastCannotKeepIsRefusedWithAReport() {
		for (String count : new String[] { "7", "-1" }) {
			this.reports.runner()
				.withPropertyValues("sagents.distribution=horde", "sagents.persistence.store=hazelcast",
						"sagents.persistence.hazelcast.backup-count=" + count)
				.run((context) -> SettingsReports.assertAnalysis(this.reports.analyzeFailure(context),
						"sagents.persistence.hazelcast.backup-count", count,
						"0 to 6, how many other members keep a copy of each entry"));
		}
	}

	private static HazelcastInstance applicationMember(Config config) {
		HazelcastInstance application = mock(HazelcastInstance.class);
		given(application.getConfig()).willReturn(config);
		return application;
	}

}
