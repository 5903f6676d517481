package dev.toolverdicts.benchmarks.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection with blocking I/O, optionally from a chosen loopback source address: the
 * load generator's client, cheap enough per request (no pooling, no async machinery) to leave the CPU to the stack.
 */
public final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 15_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    public static HttpConnection open(int port, InetAddress source) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            return new HttpConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends one request and reads its whole response. */
    public HttpResponse exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return readResponse(in);
    }

    static HttpResponse readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        String etag = null;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                case "etag" -> etag = value;
                default -> {
                }
            }
        }
        byte[] body;
        if (chunked) {
            body = readChunked(in);
        } else if (contentLength >= 0) {
            body = in.readNBytes((int) contentLength);
        } else if (status == 204 || status == 304) {
            body = new byte[0];
        } else {
            body = in.readAllBytes();
            close = true;
        }
        return new HttpResponse(status, body, etag, close);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                skipTrailers(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static void skipTrailers(InputStream in) throws IOException {
        String trailer = readLine(in);
        while (trailer != null && !trailer.isEmpty()) {
            trailer = readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a loopback socket that failed already
        }
    }

    /** The bytes of the body as text. */
    public static String text(HttpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
