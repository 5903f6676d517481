package dev.toolverdicts.identity.user;

import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs people in by email but names them by their user id: the authenticated principal's name is the UUID, so
 * authorizations, consents and the default {@code sub} all carry the stable id, never the (changeable) address.
 * Uses Spring's own {@link User} so the JDBC authorization store can serialize it. Unconfirmed addresses are
 * disabled accounts.
 */
@Service
public class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final UserRepository users;

    public AccountUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email).map(AccountUserDetailsService::toUserDetails)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** Stores a stronger hash when the password encoder asks for an upgrade after a successful sign-in. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        UUID id = UUID.fromString(user.getUsername());
        users.updatePasswordHash(id, newPasswordHash);
        return User.withUserDetails(user).password(newPasswordHash).build();
    }

    private static UserDetails toUserDetails(UserAccount account) {
        return User.withUsername(account.id().toString())
                .password(account.passwordHash())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .disabled(!account.verified())
                .build();
    }
}
