package dev.toolverdicts.gateway.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the live streams held at this instance, per client address and in total, and refuses one more past either
 * bound. A ticket is given back exactly once, whichever way its stream ends.
 */
final class StreamAdmission {

    /** Why a stream was refused. */
    enum Refusal { ADDRESS_FULL, GATEWAY_FULL }

    /** One admitted stream; {@link #release()} may be called any number of times. */
    final class Ticket {
        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket(String address) {
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                total.decrementAndGet();
                byAddress.computeIfPresent(address, (k, held) -> held.decrementAndGet() <= 0 ? null : held);
            }
        }
    }

    /** A ticket, or why there is none. */
    record Admission(Ticket ticket, Refusal refusal) {
    }

    private final int maxPerAddress;
    private final int maxTotal;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();

    StreamAdmission(int maxPerAddress, int maxTotal) {
        this.maxPerAddress = maxPerAddress;
        this.maxTotal = maxTotal;
    }

    Admission admit(String address) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return new Admission(null, Refusal.GATEWAY_FULL);
        }
        boolean[] admitted = {false};
        byAddress.compute(address, (k, held) -> {
            AtomicInteger count = held == null ? new AtomicInteger() : held;
            if (count.get() < maxPerAddress) {
                count.incrementAndGet();
                admitted[0] = true;
            }
            return count.get() == 0 ? null : count;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            return new Admission(null, Refusal.ADDRESS_FULL);
        }
        return new Admission(new Ticket(address), null);
    }

    int total() {
        return total.get();
    }
}
