package dev.toolverdicts.identity.user;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Keeps bcrypt's 72-byte limit from surfacing as an exception (a 500) at sign-in: a longer password never matches,
 * since no stored password can be that long. Encoding one is a programming error: registration refuses it first.
 */
final class BcryptLengthBound implements PasswordEncoder {

    static final int MAX_BYTES = 72;

    private final PasswordEncoder delegate;

    BcryptLengthBound(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (tooLong(rawPassword)) {
            throw new IllegalArgumentException("a password over " + MAX_BYTES + " bytes must be refused before hashing");
        }
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return !tooLong(rawPassword) && delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private static boolean tooLong(CharSequence rawPassword) {
        return rawPassword != null && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }
}
