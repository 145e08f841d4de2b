package dev.sagents.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A three-JVM cluster the horde-vs-pekko mode runs the same workloads on ({@link SideBySide}):
 * sagents' ({@link SagentsCompared}) or Pekko's ({@link PekkoCluster}). This JVM is the driver and
 * one node; the others are {@link MemberProcess}es named {@code member-<n>}, as are the nodes the
 * agents answer {@link #where} with.
 */
interface ComparedCluster extends AutoCloseable {

	/** The name of the node in this JVM. */
	String DRIVER = HordeCluster.DRIVER;

	/** Starts the driver and two member JVMs and waits until the three form the cluster. */
	void start() throws Exception;

	/**
	 * Starts agent {@code id}, fresh, and waits for its answer to a first message; blocks. The
	 * unit of every start figure.
	 */
	String firstAnswer(String id);

	/** Asks agent {@code id} which node runs it. */
	CompletionStage<String> where(String id, Duration timeout);

	/** Which node runs each of {@code ids}, now. */
	Map<String, String> nodes(List<String> ids) throws InterruptedException;

	/** Waits until the cluster is settled enough for a failover to start from a steady state. */
	void settle() throws InterruptedException;

	/** The member JVMs in the cluster now (the driver aside). */
	List<MemberProcess> members();

	/** Kills a member that left the cluster, or was made to, and stops counting it as one. */
	void remove(MemberProcess member) throws InterruptedException;

	/** Starts a member in place of one that left, and waits until the cluster counts three members again. */
	void replace() throws Exception;

	@Override
	void close() throws Exception;

}
