package dev.sagents.benchmarks;

import java.io.PrintStream;
import java.util.Map;

/**
 * The horde-vs-pekko mode's table: one row a figure, columns sagents, Pekko and the ratio
 * sagents / Pekko, with which way is better for that figure (a ratio above 1 is better where
 * higher is better, below 1 where lower is).
 */
final class SideBySideTable {

	private final Map<Figure, Double> sagents;

	private final Map<Figure, Double> pekko;

	SideBySideTable(Map<Figure, Double> sagents, Map<Figure, Double> pekko) {
		this.sagents = sagents;
		this.pekko = pekko;
	}

	void print(PrintStream out) {
		out.println();
		out.println("| figure | sagents | pekko | sagents / pekko |");
		out.println("|---|---|---|---|");
		for (Figure figure : Figure.values()) {
			double ours = this.sagents.getOrDefault(figure, Double.NaN);
			double theirs = this.pekko.getOrDefault(figure, Double.NaN);
			out.printf("| %s | %s | %s | %s |%n", figure.row.label(), figure.format(ours), figure.format(theirs),
					ratio(figure, ours, theirs));
		}
	}

	private static String ratio(Figure figure, double ours, double theirs) {
		if (figure.row.better() == Better.NONE) {
			return "—";
		}
		if (theirs == 0 || Double.isNaN(ours) || Double.isNaN(theirs)) {
			return "n/a";
		}
		String better = (figure.row.better() == Better.HIGHER) ? "higher" : "lower";
		return String.format("%.2f× (%s is better)", ours / theirs, better);
	}

	/** A figure's label, how its value is printed, and which way is better. */
	private record Row(String label, String format, Better better) {

	}

	/** Which way is better. */
	enum Better {

		HIGHER, LOWER, NONE

	}

	/** The figures of the table, in its order. */
	enum Figure {

		SINGLE_CALLER_STARTS("starts from one node, one caller at a time, hosted by another node", "%,.0f /s",
				Better.HIGHER),

		SINGLE_CALLER_START_P50("  one such start, p50", "%,.0f µs", Better.LOWER),

		CONCURRENT_STARTS("starts from all 3 JVMs, 32 callers each", "%,.0f /s", Better.HIGHER),

		CALL_P50("call round trip to another node, p50", "%,.1f µs", Better.LOWER),

		CALL_P99("call round trip to another node, p99", "%,.1f µs", Better.LOWER),

		SIGKILL("SIGKILL of a member → every agent answering elsewhere", "%,.0f ms", Better.LOWER),

		SIGKILL_FAILED("  calls failed meanwhile (probe timeout 250 ms)", "%,.0f", Better.NONE),

		GRACEFUL("graceful exit of a member → every agent answering elsewhere", "%,.0f ms", Better.LOWER),

		GRACEFUL_FAILED("  calls failed meanwhile (probe timeout 1 s)", "%,.0f", Better.NONE);

		private final Row row;

		Figure(String label, String format, Better better) {
			this.row = new Row(label, format, better);
		}

		String format(double value) {
			return Double.isNaN(value) ? "not all back in 60 s" : String.format(this.row.format(), value);
		}

	}

}
