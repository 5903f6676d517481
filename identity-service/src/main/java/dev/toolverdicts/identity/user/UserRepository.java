package dev.toolverdicts.identity.user;

import dev.toolverdicts.servicedefaults.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles in the service's own PostgreSQL. */
@Repository
public class UserRepository {

    private static final String SELECT = """
            select u.id, u.email, u.display_name, u.password_hash, u.email_verified_at, u.created_at,
                   coalesce(string_agg(r.role, ',' order by r.role), '') as roles
              from app_user u left join user_role r on r.user_id = u.id
            """;

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql(SELECT + " where u.email = ? group by u.id").param(EmailAddresses.normalize(email))
                .query(UserRepository::map).optional();
    }

    public Optional<UserAccount> findById(UUID id) {
        return jdbc.sql(SELECT + " where u.id = ? group by u.id").param(id).query(UserRepository::map).optional();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the id or the email is taken. */
    @Transactional
    public void insert(UserAccount user) {
        jdbc.sql("""
                insert into app_user (id, email, display_name, password_hash, email_verified_at)
                values (?, ?, ?, ?, ?)""")
                .params(user.id(), EmailAddresses.normalize(user.email()), user.displayName(), user.passwordHash(),
                        timestamp(user.emailVerifiedAt()))
                .update();
        replaceRoles(user.id(), user.roles());
    }

    /** Overwrites name, email, password hash, verification and roles of an existing user. */
    @Transactional
    public void update(UserAccount user) {
        jdbc.sql("""
                update app_user set email = ?, display_name = ?, password_hash = ?, email_verified_at = ?,
                       updated_at = now()
                 where id = ?""")
                .params(EmailAddresses.normalize(user.email()), user.displayName(), user.passwordHash(),
                        timestamp(user.emailVerifiedAt()), user.id())
                .update();
        replaceRoles(user.id(), user.roles());
    }

    public void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ?, updated_at = now() where id = ?")
                .params(passwordHash, id).update();
    }

    /** Marks the address confirmed and sets the password in one step; false if it was confirmed already. */
    public boolean confirmWithPassword(UUID id, String passwordHash, Instant at) {
        return jdbc.sql("update app_user set email_verified_at = ?, password_hash = ?, updated_at = now() "
                        + "where id = ? and email_verified_at is null")
                .params(Timestamp.from(at), passwordHash, id).update() == 1;
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private void replaceRoles(UUID id, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = ?").param(id).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String names = rs.getString("roles");
        if (!names.isEmpty()) {
            Arrays.stream(names.split(",")).map(Role::valueOf).forEach(roles::add);
        }
        Timestamp verified = rs.getTimestamp("email_verified_at");
        return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), roles, verified == null ? null : verified.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
