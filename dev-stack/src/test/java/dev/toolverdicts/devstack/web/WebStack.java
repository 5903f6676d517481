package dev.toolverdicts.devstack.web;

import dev.toolverdicts.devstack.DevStack;
import dev.toolverdicts.devstack.Ports;
import dev.toolverdicts.devstack.StackConfig;
import dev.toolverdicts.devstack.progress.Progress;
import dev.toolverdicts.devstack.service.ServiceCatalog;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One whole dev stack (every service, demo data) on free ports for all browser tests of the JVM: started by the
 * first test class that needs it, stopped when the test run ends. Test classes get it as a parameter. With
 * {@code -Dweb-it.site=http://localhost:8080} the tests use a stack that is already running instead (fresh demo data
 * expected).
 */
public final class WebStack implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = WebStack.class.getName();
    private static final String EXISTING_SITE = "web-it.site";

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context);
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(KEY, key -> Running.start(), Running.class);
    }

    /** The started stack; closing it stops every process. */
    public static final class Running implements AutoCloseable {

        private final DevStack stack;
        private final URI site;
        private final Path workDir;

        private Running(DevStack stack, URI site, Path workDir) {
            this.stack = stack;
            this.site = site;
            this.workDir = workDir;
        }

        static Running start() {
            try {
                String existing = System.getProperty(EXISTING_SITE);
                if (existing != null && !existing.isBlank()) {
                    return new Running(null, URI.create(existing), Files.createTempDirectory("web-it"));
                }
                Path workDir = Files.createTempDirectory("web-it");
                Ports ports = Ports.free();
                StackConfig config = StackConfig.of(repoRoot(), workDir, ports, ServiceCatalog.all());
                DevStack stack = new DevStack(config, Progress.toStdout());
                long started = System.nanoTime();
                stack.start();
                System.out.printf("browser tests: whole stack up with demo data in %.1f s%n",
                        (System.nanoTime() - started) / 1e9);
                stack.demoReport().ifPresent(report -> {
                    if (!report.failures().isEmpty()) {
                        throw new IllegalStateException("demo data problems: " + report.failures());
                    }
                });
                return new Running(stack, URI.create("http://localhost:" + config.ports().gateway()), workDir);
            } catch (Exception e) {
                throw new IllegalStateException("the dev stack did not start: " + e.getMessage(), e);
            }
        }

        /** The gateway as browsers reach it: "localhost", the host its OAuth2 redirect URI is registered for. */
        public URI site() {
            return site;
        }

        public URI url(String path) {
            return site().resolve(path);
        }

        public Path workDir() {
            return workDir;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.stop();
            }
        }

        private static Path repoRoot() {
            String configured = System.getProperty("devstack.repoRoot");
            Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
            if (!Files.isRegularFile(root.resolve("dev-stack").resolve("pom.xml"))) {
                throw new IllegalStateException("not the repository root: " + root);
            }
            return root.toAbsolutePath().normalize();
        }
    }
}
