package dev.toolverdicts.newsletter.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with Nagle's algorithm off, for SMTP. Jakarta Mail writes a mail's closing {@code CRLF.CRLF} as its
 * own small write after the body; with Nagle on, that write waits for the ACK of the body, which the server delays
 * (40 ms on Linux), so every mail cost ~44 ms at the sink (benchmark 10's profile: 1,000 waits in
 * {@code SMTPTransport.finishData} averaging 44 ms). SMTP is request/response: nothing is gained by coalescing.
 */
final class NoDelaySocketFactory extends SocketFactory {

    private final SocketFactory sockets = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(sockets.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(sockets.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(sockets.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
