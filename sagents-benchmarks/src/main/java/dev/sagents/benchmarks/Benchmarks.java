package dev.sagents.benchmarks;

/**
 * The benchmark command: {@code java -jar sagents-benchmarks/target/sagents-benchmarks.jar local
 * [agents]}. Prints figures; it is not a test and asserts nothing.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String mode = (args.length > 0) ? args[0] : "local";
		switch (mode) {
			case "local" -> new LocalBenchmark((args.length > 1) ? Integer.parseInt(args[1]) : 100_000).run();
			default -> {
				System.err.println("usage: sagents-benchmarks local [agents]");
				System.exit(2);
			}
		}
	}

}
