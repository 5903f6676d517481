package dev.toolverdicts.benchmarks.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx (nginx-light, installed by benchmarks/run.sh) as the peer baseline of the gateway: a plain reverse
 * proxy with upstream keep-alive in front of one port, optionally with a shared cache that honours the upstream's
 * Cache-Control (what a reader behind a CDN gets). Runs in the foreground from its own folder, stopped on close.
 */
public final class NginxProxy implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    private NginxProxy(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    /** A proxy on a free loopback port in front of {@code upstreamPort}; with {@code caching}, a shared cache too. */
    public static NginxProxy start(Path dir, int upstreamPort, boolean caching) throws IOException, InterruptedException {
        int port = freePort();
        // a cache left by an earlier run would be served (stale, while updating) even where nothing is cacheable now
        deleteTree(dir.resolve("cache"));
        Files.createDirectories(dir.resolve("cache"));
        Files.createDirectories(dir.resolve("temp"));
        Files.writeString(dir.resolve("nginx.conf"), config(dir, port, upstreamPort, caching));
        Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", dir.toString(), "-c", "nginx.conf",
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        NginxProxy proxy = new NginxProxy(process, port, dir);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("stdout.log")) + readOrEmpty(dir.resolve("error.log")));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return proxy;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        proxy.close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s");
    }

    static String config(Path dir, int port, int upstreamPort, boolean caching) {
        String cache = caching ? """
                        proxy_cache reads;
                        proxy_cache_lock on;
                        proxy_cache_use_stale updating;
                        proxy_cache_background_update on;
                        proxy_cache_revalidate on;
                        add_header X-Cache-Status $upstream_cache_status;
                """ : "";
        return """
                # written by the benchmark suite (load.NginxProxy)
                user root;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                    proxy_cache_path %1$s/cache keys_zone=reads:1m max_size=64m inactive=1m;
                    upstream backend {
                        server 127.0.0.1:%3$d;
                        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://backend;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $http_host;
                %4$s        }
                    }
                }
                """.formatted(dir, port, upstreamPort, cache);
    }

    public int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return "nginx on " + port + " (" + dir + ")";
    }
}
