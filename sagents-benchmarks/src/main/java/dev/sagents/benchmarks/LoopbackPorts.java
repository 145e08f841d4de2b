package dev.sagents.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports on 127.0.0.1 for the persistence benchmark's cluster and database, so that it never
 * meets another run or build on the machine: blocks of consecutive ports nothing listens on, at a
 * random place below Linux's ephemeral range (where outgoing connections take theirs), and a
 * cluster name of its own.
 */
final class LoopbackPorts {

	private static final int LOWEST = 20000;

	private static final int HIGHEST = 32000;

	private LoopbackPorts() {
	}

	/** The first of {@code count} consecutive ports, all free on 127.0.0.1 now. */
	static int block(int count) {
		for (int attempt = 0; attempt < 1000; attempt++) {
			int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count);
			boolean free = true;
			for (int port = first; free && port < first + count; port++) {
				free = isFree(port);
			}
			if (free) {
				return first;
			}
		}
		throw new IllegalStateException("No " + count + " consecutive free ports between " + LOWEST + " and " + HIGHEST);
	}

	/** {@code prefix}, then random letters: Hazelcast members of another cluster name never join. */
	static String clusterName(String prefix) {
		return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
