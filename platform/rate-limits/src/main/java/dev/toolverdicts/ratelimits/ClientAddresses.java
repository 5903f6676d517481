package dev.toolverdicts.ratelimits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The subject of per-address limits: an IPv4 address as is, an IPv6 address by its /64 (one end site gets a whole
 * /64, so rotating through it must not give a client fresh buckets). The address is the servlet's remote address,
 * which the services take from {@code X-Forwarded-For} only when the request comes from a trusted proxy.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static String subject(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (!remoteAddress.contains(":")) {
            return remoteAddress;
        }
        try {
            InetAddress address = InetAddress.getByName(remoteAddress.replaceAll("^\\[|]$", ""));
            if (address instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return remoteAddress;
        }
    }
}
