package dev.toolverdicts.gateway.live;

import org.springframework.util.unit.DataSize;

/**
 * Whether this instance can hold the live streams it is configured to admit, checked once at start: the total must
 * leave a quarter of the server's connections to ordinary requests, and the streams at their measured heap cost must
 * fit in half of the heap (a 256 MB gateway told to take 10,240 streams ran out of memory at ~1,200 instead of
 * refusing the 1,201st). A gateway that fails either refuses to start with what to raise.
 */
record StreamBudget(int maxTotal, int maxConnections, DataSize heapPerStream, long maxHeapBytes) {

    /** Throws {@link IllegalStateException} naming the setting to change when the budget does not hold. */
    void check() {
        if (maxTotal > maxConnections * 3L / 4) {
            throw new IllegalStateException("gateway.live-streams.max-total (" + maxTotal
                    + ") must leave at least a quarter of server.tomcat.max-connections (" + maxConnections
                    + ") to ordinary requests: raise GATEWAY_MAX_CONNECTIONS to at least "
                    + (maxTotal * 4L + 2) / 3 + " or lower GATEWAY_MAX_STREAMS");
        }
        long streamsHeap = maxTotal * heapPerStream.toBytes();
        if (streamsHeap > maxHeapBytes / 2) {
            throw new IllegalStateException("gateway.live-streams.max-total (" + maxTotal + ") streams at "
                    + heapPerStream.toKilobytes() + " KB each need " + streamsHeap / (1024 * 1024)
                    + " MB, more than half of the heap (" + maxHeapBytes / (1024 * 1024)
                    + " MB): give the gateway at least -Xmx" + (streamsHeap * 2 / (1024 * 1024) + 1)
                    + "m (DEV_STACK_GATEWAY_HEAP in the dev stack) or lower GATEWAY_MAX_STREAMS");
        }
    }
}
