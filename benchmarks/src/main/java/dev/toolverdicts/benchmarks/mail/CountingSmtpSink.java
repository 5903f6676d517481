package dev.toolverdicts.benchmarks.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server on loopback that accepts every mail, keeps no body and counts what each recipient got: the
 * newsletter benchmark's sink. GreenMail (the dev stack's sink) keeps every message in its heap, which 10,000
 * digests do not fit; counting per recipient is also what shows a mail sent twice.
 * <p>
 * It speaks the part of RFC 5321 a JavaMail client uses (EHLO/HELO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP,
 * QUIT), one virtual thread per connection.
 */
public final class CountingSmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, AtomicInteger> byRecipient = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();
    private volatile long lastNanos;
    private final Thread acceptor;

    public CountingSmtpSink() throws IOException {
        server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("smtp-sink").start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Mails accepted so far (one per recipient of each DATA). */
    public long accepted() {
        return accepted.get();
    }

    public long bytes() {
        return bytes.get();
    }

    public long connections() {
        return connections.get();
    }

    /** How many mails each recipient got. */
    public Map<String, Integer> byRecipient() {
        Map<String, Integer> copy = new java.util.HashMap<>();
        byRecipient.forEach((rcpt, count) -> copy.put(rcpt, count.get()));
        return copy;
    }

    /** Nanos between the first and the last accepted mail. */
    public long spanNanos() {
        long first = firstNanos.get();
        return first == 0 ? 0 : lastNanos - first;
    }

    /** Forgets every count (between phases). */
    public void reset() {
        byRecipient.clear();
        accepted.set(0);
        bytes.set(0);
        connections.set(0);
        firstNanos.set(0);
        lastNanos = 0;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().name("smtp-sink-conn").start(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1), 64 * 1024); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink.bench ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink.bench\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO", "NOOP" -> reply(out, "250 ok");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 ok");
                    }
                    case "RCPT" -> {
                        recipients.add(address(line));
                        reply(out, "250 ok");
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "503 no recipients");
                            continue;
                        }
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        long size = readData(in);
                        if (size < 0) {
                            return;
                        }
                        count(recipients, size);
                        recipients.clear();
                        reply(out, "250 ok queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 ok");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException gone) {
            // the client hung up (or was killed): what it had not finished is not counted
        }
    }

    /** Reads the message up to the lone dot; its size in characters, or -1 if the connection ended first. */
    private static long readData(BufferedReader in) throws IOException {
        long size = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(".")) {
                return size;
            }
            size += line.length() + 2;
        }
        return -1;
    }

    private void count(List<String> recipients, long size) {
        long now = System.nanoTime();
        firstNanos.compareAndSet(0, now);
        lastNanos = now;
        for (String recipient : recipients) {
            byRecipient.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
            accepted.incrementAndGet();
            bytes.addAndGet(size);
        }
    }

    static String address(String rcptLine) {
        int open = rcptLine.indexOf('<');
        int close = rcptLine.indexOf('>', open + 1);
        String address = open >= 0 && close > open ? rcptLine.substring(open + 1, close)
                : rcptLine.substring(rcptLine.indexOf(':') + 1).strip();
        return address.toLowerCase(Locale.ROOT);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
