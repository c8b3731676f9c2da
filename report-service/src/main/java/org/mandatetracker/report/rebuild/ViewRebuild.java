package org.mandatetracker.report.rebuild;

import org.mandatetracker.report.projection.AggregateRef;
import org.mandatetracker.report.projection.AggregateType;
import org.mandatetracker.report.projection.FactLog;
import org.mandatetracker.report.projection.StoredFact;
import org.mandatetracker.report.projection.ViewTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Refolds every stored view from the fact log into new tables, then swaps them in, so answers stay complete while it
 * runs. Facts arriving meanwhile are caught up under a lock just before the swap. It all happens in one transaction,
 * under an advisory lock, so a failed rebuild leaves the views as they were and replicas never rebuild at once.
 */
@Component
class ViewRebuild {

    /** Bumped whenever the views' shape or folds change, so that a service finding older views refolds them. */
    static final int GENERATION = 1;
    private static final String NEXT = "_next";
    /** The advisory lock that lets one replica at a time rebuild. */
    private static final long LOCK = 0x5649455753L;

    private static final String VIEW_FACTS = " AND (event_type LIKE '" + AggregateType.BODY.viewFacts
            + "' OR event_type LIKE '" + AggregateType.MANDATE.viewFacts + "' OR event_type LIKE '"
            + AggregateType.MEETING.viewFacts + "')";

    private final JdbcTemplate jdbc;
    /** Reads through a cursor, a thousand rows at a time, inside the fill's transaction. */
    private final JdbcTemplate streaming;
    private final FactLog facts;
    private final ViewTables views;
    private final TransactionTemplate transaction;

    ViewRebuild(JdbcTemplate jdbc, FactLog facts, ViewTables views, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(1000);
        this.facts = facts;
        this.views = views;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether the views were built by this generation of the folds. */
    boolean current() {
        return jdbc.queryForList("SELECT generation FROM view_generation", Integer.class).contains(GENERATION);
    }

    /** Hears how many facts the rebuild will read, then how many it has read so far. */
    interface Progress {
        void started(long total);

        void read(long done);
    }

    /** Refolds every view from the facts. */
    void run(Progress progress) {
        // Taking a SHARE lock waits for every transaction inserting facts to commit, so every fact up to `upTo` is
        // visible, and any fact stored later gets a higher position.
        long upTo = transaction.execute(tx -> {
            jdbc.execute("LOCK TABLE fact IN SHARE MODE");
            return jdbc.queryForObject("SELECT COALESCE(max(position), 0) FROM fact", Long.class);
        });
        progress.started(jdbc.queryForObject("SELECT count(*) FROM fact WHERE position <= ?" + VIEW_FACTS,
                Long.class, upTo));
        transaction.executeWithoutResult(tx -> {
            if (!jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK)) {
                throw new IllegalStateException("Another replica is rebuilding the views");
            }
            for (String table : ViewTables.tables()) {
                jdbc.execute("DROP TABLE IF EXISTS " + table + NEXT);
                jdbc.execute("CREATE TABLE " + table + NEXT + " (LIKE " + table + " INCLUDING ALL)");
            }
            fill(upTo, progress);
            jdbc.execute("LOCK TABLE fact IN SHARE MODE");
            facts.refold(jdbc.query("SELECT DISTINCT aggregate_type, aggregate_id FROM fact WHERE position > ?",
                    (rs, n) -> new AggregateRef(AggregateType.valueOf(rs.getString(1)), rs.getString(2)), upTo), NEXT);
            for (String table : ViewTables.tables()) {
                jdbc.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
                jdbc.execute("DROP TABLE " + table);
                jdbc.execute("ALTER TABLE " + table + NEXT + " RENAME TO " + table);
                // New tables have no statistics yet; without them the planner guesses, and guesses badly.
                jdbc.execute("ANALYZE " + table);
            }
            jdbc.update("""
                    INSERT INTO view_generation (generation, built_at) VALUES (?, now())
                    ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, built_at = excluded.built_at""",
                    GENERATION);
        });
    }

    /**
     * Reads the facts aggregate by aggregate, through a cursor, and writes each one's versions in batches: meetings
     * before mandates, whose deadlines are resolved against them.
     */
    private void fill(long upTo, Progress progress) {
        ViewTables.Batch batch = views.batch(NEXT);
        long[] read = {0};
        for (AggregateType type : List.of(AggregateType.BODY, AggregateType.MEETING, AggregateType.MANDATE)) {
            List<StoredFact> aggregate = new ArrayList<>();
            String[] current = {null};
            streaming.query("SELECT * FROM fact WHERE aggregate_type = ? AND event_type LIKE ? AND position <= ? "
                    + "ORDER BY aggregate_id, aggregate_seq, position", (RowCallbackHandler) rs -> {
                String id = rs.getString("aggregate_id");
                if (!id.equals(current[0])) {
                    if (!aggregate.isEmpty()) {
                        batch.add(type, aggregate);
                        aggregate.clear();
                    }
                    current[0] = id;
                }
                aggregate.add(facts.toFact(rs, 0));
                if (++read[0] % 1000 == 0) {
                    progress.read(read[0]);
                }
            }, type.name(), type.viewFacts, upTo);
            if (!aggregate.isEmpty()) {
                batch.add(type, aggregate);
            }
            batch.flush();
        }
        progress.read(read[0]);
    }
}
