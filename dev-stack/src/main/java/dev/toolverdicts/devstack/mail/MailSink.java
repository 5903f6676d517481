package dev.toolverdicts.devstack.mail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.toolverdicts.devstack.Part;
import dev.toolverdicts.devstack.process.ChildProcess;
import dev.toolverdicts.devstack.process.HttpProbe;

/**
 * GreenMail standalone as its own process: an SMTP server that accepts every mail, IMAP to read them, and a JSON API
 * ({@code /api/user/{email}/messages/INBOX}) so a developer can see what the newsletter and identity services sent.
 */
public final class MailSink implements Part {

    private final int smtpPort;
    private final int imapPort;
    private final int apiPort;
    private final Path jar;
    private final Path workingDir;
    private final Path log;
    private final HttpProbe readiness;
    private ChildProcess process;
    private volatile String failure;

    public MailSink(int smtpPort, int imapPort, int apiPort, Path jar, Path workingDir, Path log) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.apiPort = apiPort;
        this.jar = jar;
        this.workingDir = workingDir;
        this.log = log;
        this.readiness = new HttpProbe(URI.create("http://127.0.0.1:" + apiPort + "/api/service/readiness"));
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public List<Integer> ports() {
        return List.of(smtpPort, imapPort, apiPort);
    }

    @Override
    public void start() throws Exception {
        if (!Files.isRegularFile(jar)) {
            failure = "no GreenMail jar at " + jar + " (build the dev-stack module first)";
            return;
        }
        Files.createDirectories(workingDir);
        process = new ChildProcess(name(), List.of(ChildProcess.java(),
                "-Xmx96m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-Dgreenmail.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.port=" + imapPort,
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                "-jar", jar.toString()), workingDir, log);
        process.start();
    }

    @Override
    public boolean isReady() {
        return process != null && readiness.answersOk();
    }

    @Override
    public Optional<String> failure() {
        if (failure != null) {
            return Optional.of(failure);
        }
        return process == null ? Optional.empty() : process.exitDescription();
    }

    @Override
    public void stop(Duration grace) {
        if (process != null) {
            process.stop(grace);
        }
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public List<ProcessHandle> processes() {
        return process == null ? List.of() : process.processes();
    }

    @Override
    public String address() {
        return "smtp 127.0.0.1:" + smtpPort + ", imap :" + imapPort + ", mails at http://127.0.0.1:" + apiPort
                + "/api/user/<email>/messages/INBOX";
    }
}
