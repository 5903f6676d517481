package dev.toolverdicts.newsletter.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Tells a permanent SMTP failure (5xx reply, an address the server rejects) from a transient one (4xx reply, a
 * dropped or refused connection, a timeout), which is worth retrying after a pause.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static boolean isPermanent(Exception failure) {
        if (failure instanceof AddressException) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SMTPSendFailedException sendFailed) {
                return isPermanentCode(sendFailed.getReturnCode());
            }
            if (cause instanceof SMTPAddressFailedException addressFailed) {
                return isPermanentCode(addressFailed.getReturnCode());
            }
        }
        return failure instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0;
    }

    private static boolean isPermanentCode(int code) {
        return code >= 500 && code < 600;
    }

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != cause) {
            return messaging.getNextException();
        }
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
