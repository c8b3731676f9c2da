package org.mandatetracker.report.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mandatetracker.citation.Fact;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.MeetingEvent;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.mandatetracker.mandate.api.MandateEvent;
import org.mandatetracker.report.subscription.RecommendationFeed;
import org.mandatetracker.support.consume.ParkedRecords;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.function.Function;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import static org.mandatetracker.support.cloudevents.CloudEventRecords.header;

/**
 * The fact log: every event of both topics, stored once. {@link #appendAll} stores records, keyed by their
 * {@code ce_id}, in one transaction, so a redelivered record is a no-op, and in the same transaction refolds the
 * stored view of each aggregate they change; a record of a type no API defines is parked, not fatal.
 */
@Component
public class FactLog {

    /** The advisory lock under which views are refolded; see {@link #refold}. */
    private static final long RESOLUTION_LOCK = 0x5245534f4cL;
    /** How many aggregates one statement reads or deletes, well under PostgreSQL's limit on parameters. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final ObjectMapper objects;
    private final JsonColumns json;
    private final ParkedRecords parked;
    private final RecommendationFeed feed;
    private final ViewTables views;

    FactLog(JdbcClient jdbc, ObjectMapper objects, JsonColumns json, ParkedRecords parked, RecommendationFeed feed,
            ViewTables views) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.json = json;
        this.parked = parked;
        this.feed = feed;
        this.views = views;
    }

    /** Stores the record's fact unless it is already there, and refolds its aggregate's view. */
    @Transactional(rollbackFor = Exception.class)
    public void append(ConsumerRecord<String, byte[]> record) throws IOException {
        appendAll(List.of(record));
    }

    /**
     * Stores the records' facts, those not already there, and refolds each aggregate they change once, all in one
     * transaction.
     */
    @Transactional(rollbackFor = Exception.class)
    public void appendAll(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        Set<AggregateRef> changed = new LinkedHashSet<>();
        store(records).stream().filter(Stored::changesView).forEach(s -> changed.add(s.aggregate()));
        refold(changed, "");
    }

    /** Stores the records' facts, those not already there, in one transaction, leaving the views to a rebuild. */
    @Transactional(rollbackFor = Exception.class)
    public void appendWithoutViews(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        store(records);
    }

    /** Stores many facts in one round trip; answers the ids of those that were not there already. */
    private static final String INSERT = """
            INSERT INTO fact (event_id, event_type, aggregate_type, aggregate_id, aggregate_seq, body_id, mandate_id,
                              meeting_id, decision_ref, occurred_on, recorded_at, recorded_by, source_document, payload)
            SELECT event_id, event_type, aggregate_type, aggregate_id, CAST(aggregate_seq AS bigint), body_id,
                   mandate_id, meeting_id, decision_ref, CAST(occurred_on AS date), CAST(recorded_at AS timestamptz),
                   recorded_by, source_document, CAST(payload AS jsonb)
            FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                        CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
              AS incoming (event_id, event_type, aggregate_type, aggregate_id, aggregate_seq, body_id, mandate_id,
                           meeting_id, decision_ref, occurred_on, recorded_at, recorded_by, source_document, payload)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";

    /** A newly stored fact's aggregate, and whether the fact changes that aggregate's view. */
    private record Stored(AggregateRef aggregate, boolean changesView) {
    }

    /** A record read: its event, its JSON as published (stored as read, not written again), and the rest kept. */
    private record Incoming(String eventId, String type, Fact event, String payload, Instant recordedAt,
                            long sequence, String recordedBy) {
    }

    /**
     * Stores the records' facts that are not there yet, in one statement, and returns them in the records' order.
     * Records of types no API defines are parked, and so are those of an aggregate with an earlier record parked.
     */
    private List<Stored> store(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        Map<String, Incoming> incoming = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : parked.heldBack(records)) {
            String type = header(record, "ce_type");
            var eventClass = EventTypes.classOf(type);
            if (eventClass.isEmpty()) {
                parked.park(record, "unknown event type " + type);
                continue;
            }
            String sequence = header(record, "ce_aggregatesequence");
            incoming.putIfAbsent(header(record, "ce_id"), new Incoming(header(record, "ce_id"), type,
                    (Fact) objects.readValue(record.value(), eventClass.get()),
                    new String(record.value(), StandardCharsets.UTF_8),
                    OffsetDateTime.parse(header(record, "ce_time")).toInstant(),
                    sequence == null ? 0 : Long.parseLong(sequence), header(record, "ce_recordedby")));
        }
        if (incoming.isEmpty()) {
            return List.of();
        }
        Set<String> inserted = new HashSet<>(jdbc.sql(INSERT).params(columns(incoming.values()))
                .query(String.class).list());
        List<Stored> stored = new ArrayList<>();
        List<RecommendationFeed.Entry> recommendations = new ArrayList<>();
        for (Incoming fact : incoming.values()) {
            if (!inserted.contains(fact.eventId())) {
                continue;
            }
            if (fact.event() instanceof RecommendationAdopted recommendation) {
                recommendations.add(new RecommendationFeed.Entry(fact.eventId(), recommendation, fact.recordedAt()));
            }
            AggregateRef aggregate = new AggregateRef(AggregateType.of(fact.event()),
                    EventTypes.aggregateOf(fact.event()));
            stored.add(new Stored(aggregate, AggregateType.changesView(fact.event())));
        }
        feed.append(recommendations);
        return stored;
    }

    /** The facts as one array per column, in their order, for {@link #INSERT}. */
    private Object[] columns(Collection<Incoming> facts) {
        List<Function<Incoming, Object>> columns = List.of(Incoming::eventId, Incoming::type,
                f -> AggregateType.of(f.event()).name(), f -> EventTypes.aggregateOf(f.event()), Incoming::sequence,
                f -> EventTypes.bodyOf(f.event()), f -> f.event() instanceof MandateEvent m ? m.mandateId() : null,
                f -> f.event() instanceof MeetingEvent m ? m.meetingId() : null,
                f -> f.event() instanceof DecisionAdopted d ? d.reference().value() : null,
                f -> f.event().occurredOn(), Incoming::recordedAt, Incoming::recordedBy,
                f -> f.event().source().document().value(), Incoming::payload);
        return columns.stream().map(column -> facts.stream().map(column)
                .map(value -> value == null ? null : value.toString()).toArray(String[]::new)).toArray();
    }

    /**
     * Refolds these aggregates' stored views, in the tables named with {@code suffix}: meetings first, then bodies
     * and mandates, then every mandate waiting on a changed meeting's session. It holds a lock that both topics'
     * consumers (and every replica's) take for this, so a mandate is never resolved against a session's meeting while
     * another transaction rewrites that meeting.
     */
    public void refold(Collection<AggregateRef> changed, String suffix) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(RESOLUTION_LOCK).query(Integer.class).single();
        Map<AggregateType, Set<String>> ids = new EnumMap<>(AggregateType.class);
        changed.forEach(a -> ids.computeIfAbsent(a.type(), t -> new LinkedHashSet<>()).add(a.id()));
        Set<String> meetings = ids.getOrDefault(AggregateType.MEETING, Set.of());
        replace(AggregateType.MEETING, meetings, suffix);
        replace(AggregateType.BODY, ids.getOrDefault(AggregateType.BODY, Set.of()), suffix);
        Set<String> mandates = new LinkedHashSet<>(ids.getOrDefault(AggregateType.MANDATE, Set.of()));
        chunks(meetings).forEach(chunk -> mandates.addAll(views.mandatesWaitingOn(chunk, suffix)));
        replace(AggregateType.MANDATE, mandates, suffix);
    }

    private void replace(AggregateType type, Set<String> ids, String suffix) {
        for (List<String> chunk : chunks(ids)) {
            views.replace(type, viewFactsOf(type, chunk), suffix);
        }
    }

    /** The facts these aggregates' views are folded from, each aggregate's in its own order. */
    public Map<String, List<StoredFact>> viewFactsOf(AggregateType type, Collection<String> aggregateIds) {
        Map<String, List<StoredFact>> facts = new LinkedHashMap<>();
        aggregateIds.forEach(id -> facts.put(id, new ArrayList<>()));
        jdbc.sql("""
                        SELECT * FROM fact
                        WHERE aggregate_type = :type AND aggregate_id = ANY (:ids) AND event_type LIKE :kind
                        ORDER BY aggregate_id, aggregate_seq, position""")
                .param("type", type.name()).param("ids", aggregateIds.toArray(String[]::new))
                .param("kind", type.viewFacts)
                .query(this::toFact).list()
                .forEach(fact -> facts.get(fact.aggregateId()).add(fact));
        return facts;
    }

    private static List<List<String>> chunks(Set<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** Drops every fact, for a rebuild from the topics. */
    public void clear() {
        jdbc.sql("TRUNCATE fact").update();
    }

    public StoredFact toFact(ResultSet rs, int row) throws SQLException {
        Class<?> type = EventTypes.classOf(rs.getString("event_type")).orElseThrow();
        return new StoredFact(rs.getLong("position"), rs.getString("event_id"), rs.getString("aggregate_id"),
                rs.getLong("aggregate_seq"), rs.getString("body_id"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"), (Fact) json.read(rs.getString("payload"), type));
    }
}
