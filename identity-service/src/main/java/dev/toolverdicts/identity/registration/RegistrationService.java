package dev.toolverdicts.identity.registration;

import dev.toolverdicts.ratelimits.Decision;
import dev.toolverdicts.identity.throttle.SignInLimits;
import dev.toolverdicts.identity.user.EmailAddresses;
import dev.toolverdicts.servicedefaults.security.Role;
import dev.toolverdicts.identity.user.UserAccount;
import dev.toolverdicts.identity.user.UserRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Member self-registration without account enumeration or pre-hijacking. Every accepted request hashes the password
 * and sends one mail, whether the address is new (confirm link), registered but unconfirmed (a fresh link; nothing
 * stored changes, so a second registration cannot replace the pending account's password or name), or confirmed
 * already ("you have an account"), and the caller always gets the same answer. The password that counts is the one
 * chosen on the confirmation page, by whoever holds the mailbox: a password someone else registered for the address
 * never survives the confirmation. Opening the link (GET) changes nothing; only the page's POST confirms. Every
 * registration mail is limited per sending address and per target mailbox, so the form cannot bomb an inbox.
 */
@Service
public class RegistrationService {

    /** What a verification link is worth (PENDING: it may confirm), or what confirming with it did. */
    public enum Verification { PENDING, CONFIRMED, ALREADY_CONFIRMED, INVALID }

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final RegistrationMailer mailer;
    private final VerificationLinks links;
    private final Clock clock;
    private final SignInLimits limits;

    RegistrationService(UserRepository users, PasswordEncoder passwordEncoder, RegistrationMailer mailer,
            VerificationLinks links, Clock clock, SignInLimits limits) {
        this.limits = limits;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.mailer = mailer;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Registers a member or sends the address's owner a mail about it.
     *
     * @throws RegistrationRejected if the password breaks the policy (nothing stored, no mail)
     * @throws RegistrationThrottled if the address or the mailbox is out of registrations (nothing stored, no mail)
     * @throws org.springframework.mail.MailException if the mail could not be handed to the SMTP server
     */
    public void register(RegistrationForm form, String remoteAddress) {
        String email = EmailAddresses.normalize(form.getEmail());
        String displayName = form.getDisplayName().strip();
        checkPassword(form.getPassword(), email, displayName);
        Decision allowed = limits.registration(remoteAddress, email);
        if (!allowed.allowed()) {
            throw new RegistrationThrottled(allowed.retryAfterSeconds());
        }
        String passwordHash = passwordEncoder.encode(form.getPassword());
        Optional<UserAccount> existing = users.findByEmail(email);
        if (existing.isEmpty()) {
            UserAccount member = new UserAccount(UUID.randomUUID(), email, displayName, passwordHash,
                    EnumSet.of(Role.MEMBER), null);
            try {
                users.insert(member);
            } catch (DuplicateKeyException registeredConcurrently) {
                return;
            }
            mailer.sendVerification(member);
        } else if (!existing.get().verified()) {
            mailer.sendVerification(existing.get());
        } else {
            mailer.sendAlreadyRegistered(existing.get());
        }
    }

    /** What the link is worth, without using it (the page a link opens, which mail scanners prefetch). */
    public Verification check(String token) {
        Optional<UserAccount> user = linkedUser(token);
        if (user.isEmpty()) {
            return Verification.INVALID;
        }
        return user.get().verified() ? Verification.ALREADY_CONFIRMED : Verification.PENDING;
    }

    /**
     * Confirms the address a verification link was sent to, if the link is genuine, current and unexpired, and
     * gives the account the password chosen on the confirmation page.
     *
     * @throws RegistrationRejected if the password breaks the policy (nothing changed)
     */
    public Verification confirm(String token, String password) {
        Optional<UserAccount> user = linkedUser(token);
        if (user.isEmpty()) {
            return Verification.INVALID;
        }
        if (user.get().verified()) {
            return Verification.ALREADY_CONFIRMED;
        }
        checkPassword(password, user.get().email(), user.get().displayName());
        return users.confirmWithPassword(user.get().id(), passwordEncoder.encode(password), clock.instant())
                ? Verification.CONFIRMED : Verification.ALREADY_CONFIRMED;
    }

    private Optional<UserAccount> linkedUser(String token) {
        return VerificationLinks.userIdIn(token).flatMap(users::findById)
                .filter(user -> links.isValidFor(token, user));
    }

    private static void checkPassword(String password, String email, String displayName) {
        if (password == null || password.length() < PasswordPolicy.MIN_LENGTH
                || password.length() > PasswordPolicy.MAX_LENGTH) {
            throw new RegistrationRejected("password", PasswordPolicy.LENGTH_MESSAGE);
        }
        PasswordPolicy.problemWith(password, email, displayName).ifPresent(problem -> {
            throw new RegistrationRejected("password", problem);
        });
    }
}
