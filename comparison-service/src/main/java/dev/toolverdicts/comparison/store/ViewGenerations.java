package dev.toolverdicts.comparison.store;

import dev.toolverdicts.comparison.store.ViewGeneration.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which generation of the read model serves reads and which ones every applied event must land in. Appliers lock
 * the ACTIVE and BUILDING rows FOR SHARE in their transaction and the swap updates them, so no event can be applied
 * to the old generation only once the swap has committed.
 */
@Component
public class ViewGenerations implements InitializingBean {

    private static final long BOOTSTRAP_LOCK = 0x7669657767656eL;

    private final JdbcClient jdbc;
    private final GenerationSchemas schemas;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile ViewGeneration active;

    ViewGenerations(JdbcClient jdbc, GenerationSchemas schemas, TransactionTemplate tx,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.schemas = schemas;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /**
     * On start: a rebuild that was cut short by a restart is marked FAILED (its schema dropped); a first start creates
     * generation 1 as ACTIVE; the active generation is migrated to the latest view migrations.
     */
    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(BOOTSTRAP_LOCK).query((rs, n) -> true).single();
            for (ViewGeneration cut : inState(State.BUILDING)) {
                markFinished(cut, State.FAILED);
                schemas.drop(cut.schema());
            }
            ViewGeneration serving = inState(State.ACTIVE).stream().findFirst().orElseGet(() -> {
                int id = nextId();
                ViewSchema schema = schemaOf(id);
                schemas.migrate(schema);
                jdbc.sql("insert into view_generation (id, schema_name, state, started_at, finished_at) "
                        + "values (?, ?, 'ACTIVE', ?, ?)")
                        .params(id, schema.name(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                        .update();
                return find(id).orElseThrow();
            });
            schemas.migrate(serving.schema());
            active = serving;
        });
    }

    /** The schema reads are served from. */
    public ViewSchema active() {
        return active.schema();
    }

    public ViewGeneration activeGeneration() {
        return active;
    }

    /**
     * The generations an event must be applied to now (the active one, and the one being rebuilt if any), locked
     * until the caller's transaction ends. Must run in a transaction.
     */
    public List<ViewGeneration> lockTargets() {
        List<ViewGeneration> targets = jdbc.sql("""
                        select id, schema_name, state, started_at, finished_at from view_generation
                         where state in ('ACTIVE', 'BUILDING') order by id for share""")
                .query(ViewGenerations::row).list();
        targets.stream().filter(ViewGeneration::active).findFirst().ifPresent(this::serve);
        return targets;
    }

    /**
     * Registers a new, empty generation as BUILDING, with its tables migrated; from the commit on, every applied
     * event also lands there. Retired and failed generations are dropped first. Empty if one is already building.
     */
    public synchronized Optional<ViewGeneration> startBuilding() {
        if (!inState(State.BUILDING).isEmpty()) {
            return Optional.empty();
        }
        for (ViewGeneration old : jdbc.sql("""
                        select id, schema_name, state, started_at, finished_at from view_generation
                         where state in ('RETIRED', 'FAILED') order by id""")
                .query(ViewGenerations::row).list()) {
            schemas.drop(old.schema());
            jdbc.sql("delete from view_generation where id = ?").param(old.id()).update();
        }
        int id = nextId();
        ViewSchema schema = schemaOf(id);
        schemas.drop(schema);
        schemas.migrate(schema);
        jdbc.sql("insert into view_generation (id, schema_name, state, started_at) values (?, ?, 'BUILDING', ?)")
                .params(id, schema.name(), Timestamp.from(clock.instant())).update();
        return find(id);
    }

    /** Makes the rebuilt generation the one that serves; the old one is RETIRED and kept until the next rebuild. */
    public void promote(ViewGeneration building) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("update view_generation set state = 'RETIRED', finished_at = ? where state = 'ACTIVE'")
                    .param(Timestamp.from(clock.instant())).update();
            markFinished(building, State.ACTIVE);
        });
        serve(find(building.id()).orElseThrow());
    }

    /**
     * Reads which generation serves now and serves it here too: how a swap made on another replica reaches this one
     * ({@link ActiveGenerationCheck}, and the view feed before it hands changes on).
     */
    public void refresh() {
        jdbc.sql("select id, schema_name, state, started_at, finished_at from view_generation where state = 'ACTIVE'")
                .query(ViewGenerations::row).optional().ifPresent(this::serve);
    }

    /** Gives up a rebuild: it no longer receives events, and its schema is dropped. */
    public void fail(ViewGeneration building) {
        tx.executeWithoutResult(status -> markFinished(building, State.FAILED));
        schemas.drop(building.schema());
    }

    public Optional<ViewGeneration> find(int id) {
        return jdbc.sql("select id, schema_name, state, started_at, finished_at from view_generation where id = ?")
                .param(id).query(ViewGenerations::row).optional();
    }

    /** Generations only move forward (a swap serves a newer id), so a read that raced with a swap never goes back. */
    private synchronized void serve(ViewGeneration generation) {
        ViewGeneration previous = active;
        if (previous != null && generation.id() < previous.id()) {
            return;
        }
        active = generation;
        if (previous != null && previous.id() != generation.id()) {
            events.publishEvent(new ActiveGenerationChanged(generation));
        }
    }

    private void markFinished(ViewGeneration generation, State state) {
        jdbc.sql("update view_generation set state = ?, finished_at = ? where id = ?")
                .params(state.name(), Timestamp.from(clock.instant()), generation.id()).update();
    }

    private List<ViewGeneration> inState(State state) {
        return jdbc.sql("select id, schema_name, state, started_at, finished_at from view_generation where state = ?")
                .param(state.name()).query(ViewGenerations::row).list();
    }

    private int nextId() {
        return jdbc.sql("select coalesce(max(id), 0) + 1 from view_generation").query(Integer.class).single();
    }

    private static ViewSchema schemaOf(int id) {
        return new ViewSchema("view_" + id);
    }

    private static ViewGeneration row(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ViewGeneration(rs.getInt("id"), new ViewSchema(rs.getString("schema_name")),
                State.valueOf(rs.getString("state")), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
