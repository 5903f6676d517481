package dev.toolverdicts.benchmarks.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct loopback source addresses (127.1.0.1, 127.1.0.2, ...): Linux routes all of 127/8 to lo, so each
 * simulated client really connects from its own address, and the gateway's per-IP limits see many clients
 * without any forwarded header being forged.
 */
public final class SourceAddresses {

    private final AtomicInteger next = new AtomicInteger(1);
    private final int secondOctet;

    public SourceAddresses(int secondOctet) {
        this.secondOctet = secondOctet;
    }

    public InetAddress next() {
        int n = next.getAndIncrement() % (250 * 250);
        byte[] address = {127, (byte) secondOctet, (byte) (n / 250), (byte) (1 + n % 250)};
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
