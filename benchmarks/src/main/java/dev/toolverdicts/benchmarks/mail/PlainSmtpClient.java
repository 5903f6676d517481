package dev.toolverdicts.benchmarks.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The newsletter benchmark's baseline: a plain SMTP client that sends mails of a given size one after another over
 * one connection and waits for each answer, as a sender with no database and no rendering would.
 */
public final class PlainSmtpClient implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    public PlainSmtpClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        out = socket.getOutputStream();
        expect("220");
        command("EHLO bench.client", "250");
    }

    /** Sends one mail of about {@code size} characters to {@code recipient}. */
    public void send(String recipient, int size) throws IOException {
        command("MAIL FROM:<digest@toolverdicts.dev>", "250");
        command("RCPT TO:<" + recipient + ">", "250");
        command("DATA", "354");
        StringBuilder body = new StringBuilder(size + 128)
                .append("Subject: baseline\r\nTo: ").append(recipient).append("\r\n\r\n");
        while (body.length() < size) {
            body.append("The panel's week, line by line, as long as the real digest.\r\n");
        }
        body.append(".\r\n");
        out.write(body.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        expect("250");
    }

    private void command(String line, String expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        expect(expected);
    }

    private void expect(String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("SMTP server hung up, expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("expected " + code + ", got " + line);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            command("QUIT", "221");
        } finally {
            socket.close();
        }
    }
}
