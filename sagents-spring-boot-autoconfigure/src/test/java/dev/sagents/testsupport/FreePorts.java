package dev.sagents.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports and cluster names for tests that start Hazelcast members or applications on 127.0.0.1, so
 * that two builds on one machine (or a test and a cluster another run left behind) never meet.
 *
 * <p>Ports come in blocks of consecutive ports that nothing listens on when they are handed out
 * and that no earlier call of this JVM handed out; a block starts at a random port below Linux's
 * ephemeral range (32768 and up), where outgoing connections take theirs. Between the check and
 * the bind another process may take a port: Hazelcast members then move to the next port of their
 * range, which is why a member's range should be the whole block.
 */
public final class FreePorts {

	private static final int LOWEST = 20000;

	private static final int HIGHEST = 32000;

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private static final Set<Integer> handedOut = new HashSet<>();

	private FreePorts() {
	}

	/** One free port on 127.0.0.1. */
	public static int one() {
		return block(1);
	}

	/** The first of {@code count} consecutive ports, all free on 127.0.0.1. */
	public static synchronized int block(int count) {
		if (count < 1 || count > 100) {
			throw new IllegalArgumentException("count must be from 1 to 100, got " + count);
		}
		for (int attempt = 0; attempt < 1000; attempt++) {
			int first = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - count);
			if (allFree(first, count)) {
				for (int port = first; port < first + count; port++) {
					handedOut.add(port);
				}
				return first;
			}
		}
		throw new IllegalStateException("No " + count + " consecutive free ports between " + LOWEST + " and " + HIGHEST);
	}

	/**
	 * A cluster name no other run uses: {@code prefix}, then random letters. Hazelcast members of
	 * different cluster names never join each other, whatever ports they find.
	 */
	public static String clusterName(String prefix) {
		return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
	}

	private static boolean allFree(int first, int count) {
		for (int port = first; port < first + count; port++) {
			if (handedOut.contains(port) || !isFree(port)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(false);
			socket.bind(new InetSocketAddress(LOOPBACK, port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
