package dev.toolverdicts.identity.demo;

import dev.toolverdicts.servicedefaults.security.Role;
import dev.toolverdicts.identity.user.UserAccount;
import dev.toolverdicts.identity.user.UserRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates or refreshes the dev stack's demo accounts (confirmed, with their fixed ids, roles and the configured
 * password) at startup; running it again changes nothing. Off unless {@code identity.demo-users.enabled=true}, and
 * only ever under the {@code dev} profile: the password is published in the README.
 */
@Component
@Profile("dev")
@ConditionalOnBooleanProperty("identity.demo-users.enabled")
class DemoUserSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUserSeeder.class);
    static final String SEED_FILE = "demo/demo-users.csv";

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final DemoUsersProperties properties;
    private final Clock clock;

    DemoUserSeeder(UserRepository users, PasswordEncoder passwordEncoder, DemoUsersProperties properties,
            Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.password() == null || properties.password().isBlank()) {
            throw new IllegalStateException("identity.demo-users.password is required when demo users are enabled");
        }
        List<UserAccount> demoUsers = readSeedFile();
        demoUsers.forEach(this::seed);
        log.info("Demo users ready: {}", demoUsers.stream().map(UserAccount::email).collect(Collectors.joining(", ")));
    }

    private void seed(UserAccount wanted) {
        Optional<UserAccount> current = users.findById(wanted.id());
        if (current.isEmpty()) {
            Optional<UserAccount> sameEmail = users.findByEmail(wanted.email());
            if (sameEmail.isPresent()) {
                log.warn("Demo user {} not seeded: the address belongs to user {}", wanted.email(),
                        sameEmail.get().id());
                return;
            }
            users.insert(withPassword(wanted, passwordEncoder.encode(properties.password())));
            return;
        }
        UserAccount existing = current.get();
        boolean passwordOk = passwordEncoder.matches(properties.password(), existing.passwordHash());
        if (passwordOk && existing.verified() && existing.email().equals(wanted.email())
                && existing.displayName().equals(wanted.displayName()) && existing.roles().equals(wanted.roles())) {
            return;
        }
        String hash = passwordOk ? existing.passwordHash() : passwordEncoder.encode(properties.password());
        users.update(new UserAccount(existing.id(), wanted.email(), wanted.displayName(), hash, wanted.roles(),
                existing.verified() ? existing.emailVerifiedAt() : clock.instant()));
    }

    private UserAccount withPassword(UserAccount user, String hash) {
        return new UserAccount(user.id(), user.email(), user.displayName(), hash, user.roles(), clock.instant());
    }

    static List<UserAccount> readSeedFile() {
        ClassPathResource file = new ClassPathResource(SEED_FILE);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(DemoUserSeeder::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SEED_FILE, e);
        }
    }

    private static UserAccount parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw new IllegalStateException(SEED_FILE + ": expected id,email,name,roles in: " + line);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(fields[3].split("\\|")).map(String::strip).map(Role::valueOf).forEach(roles::add);
        return new UserAccount(UUID.fromString(fields[0].strip()), fields[1].strip(), fields[2].strip(), "", roles,
                null);
    }
}
