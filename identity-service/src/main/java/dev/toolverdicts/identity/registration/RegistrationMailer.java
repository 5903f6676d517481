package dev.toolverdicts.identity.registration;

import dev.toolverdicts.identity.user.UserAccount;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The two mails a registration can cause: "confirm your address", or "you already have an account". */
@Component
class RegistrationMailer {

    private final JavaMailSender mail;
    private final VerificationLinks links;
    private final RegistrationProperties properties;

    RegistrationMailer(JavaMailSender mail, VerificationLinks links, RegistrationProperties properties) {
        this.mail = mail;
        this.links = links;
        this.properties = properties;
    }

    void sendVerification(UserAccount user) {
        send(user.email(), "Confirm your Tool Verdicts account", """
                Hello %s,

                to finish joining Tool Verdicts, open this link, choose your password and confirm your address:

                %s

                The link works for %d hours. If you did not sign up, ignore this mail; nothing happens without it.
                """.formatted(user.displayName(), links.linkFor(user), properties.linkTtl().toHours()));
    }

    void sendAlreadyRegistered(UserAccount user) {
        send(user.email(), "You already have a Tool Verdicts account", """
                Hello %s,

                someone (probably you) tried to sign up with this address, but it already has an account.
                Sign in here: %s/login

                If this was not you, ignore this mail; your account is unchanged.
                """.formatted(user.displayName(), properties.publicUrl()));
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        mail.send(message);
    }
}
