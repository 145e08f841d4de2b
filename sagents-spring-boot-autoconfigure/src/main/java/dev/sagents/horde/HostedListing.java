package dev.sagents.horde;

import java.util.ArrayList;
import java.util.List;

import dev.sagents.agent.AgentInfo;
import dev.sagents.agent.AgentStatus;
import dev.sagents.filesystem.FileSystemInfo;

/** What a member hosts (agents or file systems), as it answers a list request, in the {@link Wire} layout. */
final class HostedListing {

	private HostedListing() {
	}

	static byte[] encodeAgents(List<AgentInfo> agents) {
		Wire.Writer out = new Wire.Writer().writeInt(agents.size());
		for (AgentInfo agent : agents) {
			out.writeString(agent.id())
				.writeString(agent.node())
				.writeString(agent.status().name())
				.writeString(agent.type())
				.writeString(agent.fileSystemScope());
		}
		return out.toBytes();
	}

	static List<AgentInfo> decodeAgents(byte[] data) {
		Wire.Reader in = new Wire.Reader(data);
		int size = in.readInt();
		List<AgentInfo> agents = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			agents.add(new AgentInfo(in.readString(), in.readString(), AgentStatus.valueOf(in.readString()),
					in.readString(), in.readString()));
		}
		return agents;
	}

	static byte[] encodeFileSystems(List<FileSystemInfo> fileSystems) {
		Wire.Writer out = new Wire.Writer().writeInt(fileSystems.size());
		for (FileSystemInfo fileSystem : fileSystems) {
			out.writeString(fileSystem.scope()).writeString(fileSystem.node()).writeInt(fileSystem.files());
		}
		return out.toBytes();
	}

	static List<FileSystemInfo> decodeFileSystems(byte[] data) {
		Wire.Reader in = new Wire.Reader(data);
		int size = in.readInt();
		List<FileSystemInfo> fileSystems = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			fileSystems.add(new FileSystemInfo(in.readString(), in.readString(), in.readInt()));
		}
		return fileSystems;
	}

}
