package dev.toolverdicts.newsletter.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriber rows: one per address, moved between the opt-in states by guarded updates. */
@Repository
class SubscriberRepository {

    private static final String COLUMNS = "id, email, status, confirmation_sent_at";

    private final JdbcClient jdbc;

    SubscriberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row of this address, created PENDING if it is new, and locked until the transaction ends. */
    Subscriber lockOrCreate(String email, Instant now) {
        jdbc.sql("""
                        insert into subscriber (id, email, status, created_at) values (?, ?, 'PENDING', ?)
                        on conflict (email) do nothing""")
                .params(UUID.randomUUID(), email, Timestamp.from(now))
                .update();
        return jdbc.sql("select " + COLUMNS + " from subscriber where email = ? for update")
                .param(email)
                .query(SubscriberRepository::map)
                .single();
    }

    Optional<Subscriber> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from subscriber where id = ?")
                .param(id)
                .query(SubscriberRepository::map)
                .optional();
    }

    /** Starts a new opt-in (for a new or a returning address) and notes that its confirmation mail goes out now. */
    void confirmationSent(UUID id, Instant now) {
        jdbc.sql("""
                        update subscriber set status = 'PENDING', confirmation_sent_at = ?, unsubscribed_at = null
                         where id = ? and status <> 'CONFIRMED'""")
                .params(Timestamp.from(now), id)
                .update();
    }

    /** PENDING to CONFIRMED; false if the address is not pending (already confirmed, or gone). */
    boolean confirm(UUID id, Instant now) {
        return jdbc.sql("""
                        update subscriber set status = 'CONFIRMED', confirmed_at = ?
                         where id = ? and status = 'PENDING'""")
                .params(Timestamp.from(now), id)
                .update() == 1;
    }

    /** Any state to UNSUBSCRIBED; false if it was unsubscribed already or is unknown. */
    boolean unsubscribe(UUID id, Instant now) {
        return jdbc.sql("""
                        update subscriber set status = 'UNSUBSCRIBED', unsubscribed_at = ?
                         where id = ? and status <> 'UNSUBSCRIBED'""")
                .params(Timestamp.from(now), id)
                .update() == 1;
    }

    private static Subscriber map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("confirmation_sent_at");
        return new Subscriber(rs.getObject("id", UUID.class), rs.getString("email"),
                SubscriberStatus.valueOf(rs.getString("status")), sent == null ? null : sent.toInstant());
    }
}
