package dev.toolverdicts.identity.registration;

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
 * Member self-registration without account enumeration: every accepted request hashes the password and sends one
 * mail, whether the address is new (confirm link), registered but unconfirmed (fresh link, new password), or
 * confirmed already ("you have an account"), and the caller always gets the same answer.
 */
@Service
public class RegistrationService {

    /** What following a verification link did. */
    public enum Verification { CONFIRMED, ALREADY_CONFIRMED, INVALID }

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final RegistrationMailer mailer;
    private final VerificationLinks links;
    private final Clock clock;

    RegistrationService(UserRepository users, PasswordEncoder passwordEncoder, RegistrationMailer mailer,
            VerificationLinks links, Clock clock) {
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
     * @throws org.springframework.mail.MailException if the mail could not be handed to the SMTP server
     */
    public void register(RegistrationForm form) {
        String email = EmailAddresses.normalize(form.getEmail());
        String displayName = form.getDisplayName().strip();
        PasswordPolicy.problemWith(form.getPassword(), email, displayName).ifPresent(problem -> {
            throw new RegistrationRejected("password", problem);
        });
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
            UserAccount pending = existing.get();
            UserAccount renewed = new UserAccount(pending.id(), email, displayName, passwordHash, pending.roles(),
                    null);
            users.update(renewed);
            mailer.sendVerification(renewed);
        } else {
            mailer.sendAlreadyRegistered(existing.get());
        }
    }

    /** Confirms the address a verification link was sent to, if the link is genuine, current and unexpired. */
    public Verification verify(String token) {
        Optional<UserAccount> user = VerificationLinks.userIdIn(token).flatMap(users::findById);
        if (user.isEmpty() || !links.isValidFor(token, user.get())) {
            return Verification.INVALID;
        }
        if (user.get().verified()) {
            return Verification.ALREADY_CONFIRMED;
        }
        return users.markVerified(user.get().id(), clock.instant())
                ? Verification.CONFIRMED : Verification.ALREADY_CONFIRMED;
    }
}
