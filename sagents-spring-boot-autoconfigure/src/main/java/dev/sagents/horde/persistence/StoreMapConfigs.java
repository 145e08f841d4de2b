package dev.sagents.horde.persistence;

import java.util.List;
import java.util.Optional;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MapConfig;
import dev.sagents.horde.HordeStructures;

/**
 * The configuration of the Hazelcast store's maps: their backup count, set on a member's
 * configuration before it starts, or checked on one that runs already (the application's own).
 * A map that evicts or expires entries would drop states and epochs, so it is refused too.
 */
public final class StoreMapConfigs {

	/** The most backups Hazelcast keeps of an entry. */
	public static final int MAX_BACKUP_COUNT = MapConfig.MAX_BACKUP_COUNT;

	/** The store's maps. */
	public static final List<String> MAPS = List.of(HordeStructures.AGENT_STATES_MAP,
			HordeStructures.FILE_SYSTEMS_FILES_MAP);

	private StoreMapConfigs() {
	}

	/**
	 * Gives each of the store's maps {@code backupCount} backups in {@code config}, in the map's own
	 * configuration (by its exact name, which wins over any wildcard), added when there is none.
	 */
	public static void apply(Config config, int backupCount) {
		for (String map : MAPS) {
			MapConfig own = config.getMapConfigs().get(map);
			if (own != null) {
				own.setBackupCount(backupCount);
			}
			else {
				config.addMapConfig(new MapConfig(map).setBackupCount(backupCount));
			}
		}
	}

	/**
	 * What in the configuration of a running member differs from {@code backupCount} backups, as
	 * "map X keeps N backups"; empty when every store map has that many.
	 */
	public static Optional<String> otherBackupCount(Config config, int backupCount) {
		for (String name : MAPS) {
			int kept = config.findMapConfig(name).getBackupCount();
			if (kept != backupCount) {
				return Optional.of("map " + name + " keeps " + kept);
			}
		}
		return Optional.empty();
	}

	/**
	 * Which store map of a running member's configuration drops entries by itself (a time to live,
	 * a maximum idle time or an eviction policy), as "map X has ..."; empty when none does.
	 */
	public static Optional<String> droppingEntries(Config config) {
		for (String name : MAPS) {
			MapConfig map = config.findMapConfig(name);
			if (map.getTimeToLiveSeconds() > 0) {
				return Optional.of("map " + name + " has time-to-live-seconds " + map.getTimeToLiveSeconds());
			}
			if (map.getMaxIdleSeconds() > 0) {
				return Optional.of("map " + name + " has max-idle-seconds " + map.getMaxIdleSeconds());
			}
			if (map.getEvictionConfig().getEvictionPolicy() != EvictionPolicy.NONE) {
				return Optional.of("map " + name + " has eviction policy " + map.getEvictionConfig().getEvictionPolicy());
			}
		}
		return Optional.empty();
	}

}
