package dev.toolverdicts.newsletter.delivery;

import jakarta.mail.MessagingException;

/** Opens SMTP connections; a seam so tests can put a failing server in front of the real one. */
interface SmtpConnections {

    SmtpConnection open() throws MessagingException;
}
