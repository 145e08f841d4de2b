package dev.sagents.horde;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.hazelcast.config.Config;
import dev.sagents.agent.AgentSettings;
import dev.sagents.testsupport.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hung process at an address of the member list: it accepts connections and never answers, as
 * a SIGSTOPped or frozen JVM does. Hazelcast spins an I/O thread on such a connection for as long
 * as it stays open; the node closes it.
 */
class SilentConnectionGuardTests {


	@TempDir
	Path fileSystems;

	private HordeTestCluster cluster;

	private HungProcess hung;

	@AfterEach
	void stop() throws IOException {
		if (this.cluster != null) {
			this.cluster.close();
		}
		if (this.hung != null) {
			this.hung.close();
		}
	}

	@Test
	void connectionToAProcessThatNeverAnswersIsClosed() throws IOException {
		int basePort = FreePorts.block(HordeTestCluster.PORTS);
		this.cluster = new HordeTestCluster(basePort, FreePorts.clusterName("silent-connection"), this.fileSystems,
				AgentSettings.defaults(), Map.of());
		Config config = this.cluster.memberConfig("n1");
		// The oldest member looks for a cluster to merge with at every address of its list that is
		// not a member, every second here (Hazelcast: after 300 s); the hung process is one.
		config.setProperty("hazelcast.merge.first.run.delay.seconds", "1");
		config.setProperty("hazelcast.merge.next.run.delay.seconds", "1");
		this.cluster.start("n1", config);
		// The last port of the member list, which no member takes: the hung process listens there.
		this.hung = new HungProcess(basePort + HordeTestCluster.PORTS - 1);

		await().atMost(Duration.ofSeconds(60)).until(() -> this.hung.closedByPeer.get() > 0);
		assertThat(this.cluster.nodes.get(0).hazelcast.getCluster().getMembers()).hasSize(1);
	}

	/** Accepts connections and reads what arrives, never writing a byte; counts connections the peer closed. */
	private static final class HungProcess implements AutoCloseable {

		private final ServerSocket server;

		final AtomicInteger closedByPeer = new AtomicInteger();

		HungProcess(int port) throws IOException {
			this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(this::accept, "hung process on " + port);
			acceptor.setDaemon(true);
			acceptor.start();
		}

		private void accept() {
			while (!this.server.isClosed()) {
				try {
					Socket socket = this.server.accept();
					Thread reader = new Thread(() -> readUntilClosed(socket), "hung process reader");
					reader.setDaemon(true);
					reader.start();
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		/** Counts the connection once the member closed it, by a FIN or a reset. */
		private void readUntilClosed(Socket socket) {
			try (socket; InputStream in = socket.getInputStream()) {
				while (in.read() >= 0) {
					// Swallows the protocol bytes and the handshake; a hung JVM's kernel buffers them alike.
				}
			}
			catch (IOException ex) {
				// A reset, or the end of the test.
			}
			if (!this.server.isClosed()) {
				this.closedByPeer.incrementAndGet();
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

}
