package dev.toolverdicts.newsletter.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Delivery rows and their state machine. Rows are claimed by state with {@code FOR UPDATE SKIP LOCKED}, never by
 * position, and every transition names the state it leaves (and the run that owns the row), so a row can never be
 * sent by two runs.
 */
@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One PENDING row per subscriber confirmed right now (the recipient list is fixed when the issue opens). */
    int enqueueConfirmedSubscribers(String isoWeek) {
        return jdbc.sql("""
                        insert into delivery (issue_week, subscriber_id, email, state)
                        select ?, id, email, 'PENDING' from subscriber where status = 'CONFIRMED'
                        on conflict do nothing""")
                .param(isoWeek)
                .update();
    }

    /**
     * Rows left behind by a run that died (the caller holds the job's lock, so no other run is alive): CLAIMED ones
     * were never handed to SMTP and go back to PENDING; SENDING ones may have been accepted and become IN_DOUBT.
     */
    void recoverAbandoned(String isoWeek, UUID currentRun) {
        jdbc.sql("""
                        update delivery set state = 'PENDING', run_id = null, claimed_at = null
                         where issue_week = ? and state = 'CLAIMED' and run_id <> ?""")
                .params(isoWeek, currentRun)
                .update();
        jdbc.sql("""
                        update delivery set state = 'IN_DOUBT', last_error = 'run ended while SMTP had the mail'
                         where issue_week = ? and state = 'SENDING' and run_id <> ?""")
                .params(isoWeek, currentRun)
                .update();
    }

    /** Pending rows of subscribers who left after the issue opened are skipped, not mailed. */
    void skipUnsubscribed(String isoWeek) {
        jdbc.sql("""
                        update delivery d set state = 'SKIPPED'
                          from subscriber s
                         where d.subscriber_id = s.id and d.issue_week = ? and d.state = 'PENDING'
                           and s.status <> 'CONFIRMED'""")
                .param(isoWeek)
                .update();
    }

    /** Claims up to {@code limit} pending rows for this run. */
    List<Delivery> claim(String isoWeek, UUID run, int limit, Instant now) {
        return jdbc.sql("""
                        update delivery set state = 'CLAIMED', run_id = ?, claimed_at = ?
                         where issue_week = ? and subscriber_id in (
                               select subscriber_id from delivery
                                where issue_week = ? and state = 'PENDING'
                                order by subscriber_id
                                limit ?
                                  for update skip locked)
                        returning subscriber_id, email""")
                .params(run, Timestamp.from(now), isoWeek, isoWeek, limit)
                .query((rs, row) -> new Delivery(rs.getObject("subscriber_id", UUID.class), rs.getString("email")))
                .list();
    }

    /** CLAIMED to SENDING just before SMTP; false if this run no longer owns the row. */
    boolean startSending(String isoWeek, Delivery delivery, UUID run) {
        return jdbc.sql("""
                        update delivery set state = 'SENDING', attempts = attempts + 1
                         where issue_week = ? and subscriber_id = ? and state = 'CLAIMED' and run_id = ?""")
                .params(isoWeek, delivery.subscriberId(), run)
                .update() == 1;
    }

    /**
     * SENDING to SENT, committed without waiting for the WAL flush (in the caller's transaction, which does nothing
     * else): if the database itself crashed before the flush, the row would come back as SENDING and turn IN_DOUBT,
     * counted as doubt and never mailed again, so at-most-once holds. An application crash loses nothing either way.
     * The SENDING commit before SMTP stays synchronous: losing it would mail the reader again. Half the sender's
     * commits were waiting for flushes (benchmark 10's profile).
     */
    void sent(String isoWeek, Delivery delivery, UUID run, Instant now) {
        jdbc.sql("set local synchronous_commit to off").update();
        jdbc.sql("""
                        update delivery set state = 'SENT', sent_at = ?, last_error = null
                         where issue_week = ? and subscriber_id = ? and state in ('SENDING', 'IN_DOUBT')
                           and run_id = ?""")
                .params(Timestamp.from(now), isoWeek, delivery.subscriberId(), run)
                .update();
    }

    void failed(String isoWeek, Delivery delivery, UUID run, int attempts, String error) {
        jdbc.sql("""
                        update delivery set state = 'FAILED', attempts = ?, last_error = ?
                         where issue_week = ? and subscriber_id = ? and state = 'SENDING' and run_id = ?""")
                .params(attempts, error, isoWeek, delivery.subscriberId(), run)
                .update();
    }

    DeliveryReport report(String isoWeek) {
        return jdbc.sql("""
                        select count(*) as recipients,
                               count(*) filter (where state = 'SENT') as sent,
                               count(*) filter (where state = 'FAILED') as failed,
                               count(*) filter (where state = 'SKIPPED') as skipped,
                               count(*) filter (where state = 'IN_DOUBT') as in_doubt,
                               count(*) filter (where state in ('PENDING', 'CLAIMED', 'SENDING')) as open
                          from delivery where issue_week = ?""")
                .param(isoWeek)
                .query((rs, row) -> new DeliveryReport(rs.getInt("recipients"), rs.getInt("sent"),
                        rs.getInt("failed"), rs.getInt("skipped"), rs.getInt("in_doubt"), rs.getInt("open")))
                .single();
    }
}
