package dev.sagents.horde;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.json.Json;
import com.hazelcast.internal.json.JsonObject;
import com.hazelcast.internal.json.JsonValue;

import dev.sagents.agent.AgentSpec;
import dev.sagents.process.ProcessKey;

/**
 * A process's entry in the cluster registry: where it runs and what it was started from, so a
 * survivor can restart it if its member dies. Stored as Hazelcast JSON, so the registry can be
 * queried by host (no index: it would cost memory in every copy) with no serialization config on
 * the member.
 *
 * @param key the process
 * @param host the UUID of the member that hosts it
 * @param node that member's node name
 * @param type the agent behaviour name, or {@code null}
 * @param fileSystemScope the agent's file-system scope, or {@code null}
 * @param attributes the agent's spec attributes
 * @param moves how many times the process changed host: handed off by a draining member, or
 * claimed by a survivor from a member that left
 */
record Registration(ProcessKey key, String host, String node, String type, String fileSystemScope,
		Map<String, String> attributes, int moves) {

	/** The JSON field queried to find what a member hosts. */
	static final String HOST = "host";

	/** The JSON field that counts the moves, absent while there were none. */
	private static final String MOVES = "moves";

	/** How a stored registration begins: with its host, up to the host's value. */
	private static final String HOST_FIRST = "{\"" + HOST + "\":\"";

	/** The registration of agent {@code spec} on {@code host}. */
	static Registration ofAgent(AgentSpec spec, String host, String node) {
		return new Registration(ProcessKey.agent(spec.id()), host, node, spec.type(), spec.fileSystemScope(),
				spec.attributes(), 0);
	}

	/** The registration of file system {@code scope} on {@code host}. */
	static Registration ofFileSystem(String scope, String host, String node) {
		return new Registration(ProcessKey.fileSystem(scope), host, node, null, null, Map.of(), 0);
	}

	/** The same process, hosted on {@code newHost}, its moves as they were. */
	Registration movedTo(String newHost, String newNode) {
		return new Registration(this.key, newHost, newNode, this.type, this.fileSystemScope, this.attributes,
				this.moves);
	}

	/** The same process, moved from its host to {@code newHost}: one move more. */
	Registration relocatedTo(String newHost, String newNode) {
		return new Registration(this.key, newHost, newNode, this.type, this.fileSystemScope, this.attributes,
				this.moves + 1);
	}

	/** The agent spec to restart it from. */
	AgentSpec agentSpec() {
		return new AgentSpec(this.key.id(), this.type, this.fileSystemScope, this.attributes);
	}

	/**
	 * The stored form: only what the key does not say already (the map is the kind, the key the id),
	 * to keep a registration small in every copy.
	 */
	HazelcastJsonValue toJson() {
		JsonObject json = Json.object().add(HOST, this.host).add("node", this.node);
		if (this.type != null) {
			json.add("type", this.type);
		}
		if (this.fileSystemScope != null) {
			json.add("scope", this.fileSystemScope);
		}
		if (!this.attributes.isEmpty()) {
			JsonObject attributes = Json.object();
			this.attributes.forEach(attributes::add);
			json.add("attributes", attributes);
		}
		if (this.moves > 0) {
			json.add(MOVES, this.moves);
		}
		return new HazelcastJsonValue(json.toString());
	}

	/**
	 * The host of a stored registration, read without the rest. Failover reads it from every entry
	 * of a member's partitions, on a machine busy with that very failover: {@link #toJson()}
	 * writes the host first, so it is found by position; anything else is parsed.
	 */
	static String hostOf(HazelcastJsonValue value) {
		String json = value.getValue();
		if (json.startsWith(HOST_FIRST)) {
			int end = json.indexOf('"', HOST_FIRST.length());
			if (end > 0 && json.lastIndexOf('\\', end) < HOST_FIRST.length()) {
				return json.substring(HOST_FIRST.length(), end);
			}
		}
		return Json.parse(json).asObject().getString(HOST, null);
	}

	/**
	 * A stored registration moved to {@code newHost}, one move more, the rest as it was, if its host passes
	 * {@code hostTest}; else {@code null}. Parsed once, as it runs for every entry a claim visits.
	 */
	static HazelcastJsonValue moveIf(HazelcastJsonValue value, Predicate<String> hostTest, String newHost,
			String newNode) {
		if (!hostTest.test(hostOf(value))) {
			return null;
		}
		JsonObject json = Json.parse(value.getValue()).asObject();
		return new HazelcastJsonValue(
				json.set(HOST, newHost).set("node", newNode).set(MOVES, json.getInt(MOVES, 0) + 1).toString());
	}

	static Registration fromJson(ProcessKey key, HazelcastJsonValue value) {
		JsonObject json = Json.parse(value.getValue()).asObject();
		Map<String, String> attributes = new LinkedHashMap<>();
		JsonValue stored = json.get("attributes");
		if (stored != null) {
			for (JsonObject.Member member : stored.asObject()) {
				attributes.put(member.getName(), member.getValue().asString());
			}
		}
		return new Registration(key, json.getString(HOST, null), json.getString("node", null),
				json.getString("type", null), json.getString("scope", null), attributes, json.getInt(MOVES, 0));
	}

}
