package dev.toolverdicts.gateway.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on live-page streams at this gateway instance ({@code gateway.live-streams}): how many one client address
 * may hold, how many all clients together may hold (well below the connections the server takes, so pages and APIs
 * always have room), how often an idle stream gets a heartbeat (the servlet container notices a reader that left
 * only when a write fails, so this bounds how long a page just left still holds a slot of its address: 5 s), and
 * how long one stream may last before the browser is asked to reconnect, and what one held stream costs in heap
 * (measured by benchmark 9; {@link StreamBudget} checks max-total against it at start).
 */
@ConfigurationProperties("gateway.live-streams")
public record LiveStreamProperties(@DefaultValue("16") int maxPerAddress, @DefaultValue("1024") int maxTotal,
        @DefaultValue("5s") Duration heartbeat, @DefaultValue("30m") Duration maxAge,
        @DefaultValue("5s") Duration retryAfter, @DefaultValue("5s") Duration upstreamResponseTimeout,
        @DefaultValue("128KB") DataSize heapPerStream) {
}
