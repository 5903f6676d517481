package dev.toolverdicts.benchmarks.scenario;

/** One numbered benchmark of the suite; it adds its figures (and raw details) to the run's report. */
public interface Benchmark {

    String id();

    String title();

    void run(SuiteContext context) throws Exception;
}
