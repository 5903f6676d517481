package dev.toolverdicts.devstack.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds ports that are already taken before anything starts, so the user gets one clear line instead of a stack trace. */
public final class PortCheck {

    private PortCheck() {
    }

    /**
     * One message per problem, e.g. "port 9092 (kafka) is already in use by another program"; empty when every
     * port is free and no two parts were given the same one.
     */
    public static List<String> problems(Map<String, List<Integer>> portsByPart) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> owner = new HashMap<>();
        portsByPart.forEach((part, ports) -> {
            for (int port : ports) {
                String other = owner.putIfAbsent(port, part);
                if (other != null) {
                    problems.add("port " + port + " is configured for both " + other + " and " + part);
                } else if (!isFree(port)) {
                    problems.add("port " + port + " (" + part + ") is already in use by another program");
                }
            }
        });
        return problems;
    }

    public static boolean isFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return false;
        } catch (IOException refused) {
            // nothing answers on the loopback; now make sure the port can be bound on every interface too
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
