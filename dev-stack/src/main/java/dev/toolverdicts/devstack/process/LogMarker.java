package dev.toolverdicts.devstack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Watches a growing log for a line that means "ready", reading only what was added since the last look. */
public final class LogMarker {

    private final Path log;
    private final String marker;
    private long offset;
    private String carry = "";
    private boolean seen;

    public LogMarker(Path log, String marker) {
        this.log = log;
        this.marker = marker;
    }

    public synchronized boolean seen() {
        if (seen || !Files.exists(log)) {
            return seen;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length < offset) {
                offset = 0;
                carry = "";
            }
            if (length == offset) {
                return false;
            }
            byte[] added = new byte[(int) Math.min(length - offset, 4 * 1024 * 1024)];
            file.seek(offset);
            file.readFully(added);
            offset += added.length;
            String text = carry + new String(added, StandardCharsets.UTF_8);
            seen = text.contains(marker);
            carry = text.substring(Math.max(0, text.length() - marker.length()));
            return seen;
        } catch (IOException e) {
            return false;
        }
    }
}
