package dev.toolverdicts.benchmarks.load;

import dev.toolverdicts.benchmarks.http.HttpResponse;

/** What a load run sends as its i-th request, and whether the answer counts as a success. */
public interface Workload {

    byte[] request(long index);

    boolean succeeded(long index, HttpResponse response);

    /** The i-th request got no answer (I/O error or timeout): whether it took effect is unknown. */
    default void failed(long index) {
    }
}
