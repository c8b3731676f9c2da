package org.mandatetracker.report.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.spring.JqwikSpringSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mandatetracker.citation.Fact;
import org.mandatetracker.report.Publisher;
import org.mandatetracker.report.ReportServiceIntegrationTest;
import org.mandatetracker.report.projection.BodyFold;
import org.mandatetracker.report.projection.BodyState;
import org.mandatetracker.report.projection.FactLog;
import org.mandatetracker.report.projection.StoredFact;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random histories (bodies, mandates with every deadline form, amended, extended and closed; sessions scheduled,
 * rescheduled, postponed, cancelled, held and corrected) are stored in a random order with duplicates, as the two
 * topics may deliver them. For every date on which anything changes, and the days around it, the stored views must
 * answer a body's mandates exactly as the reference fold does.
 */
@JqwikSpringSupport
@ReportServiceIntegrationTest
class StoredViewsPropertyIntegrationTests {

    private static final AtomicInteger WORLDS = new AtomicInteger();

    @Autowired
    FactLog facts;
    @Autowired
    MandateReports reports;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    KafkaAdmin admin;
    @Autowired
    JdbcClient jdbc;

    @Property(tries = 30)
    void storedViewsAnswerAsTheReferenceFoldDoes(@ForAll long seed,
                                                 @ForAll @IntRange(min = 1, max = 6) int sessions,
                                                 @ForAll @IntRange(min = 1, max = 8) int mandates) throws Exception {
        Random random = new Random(seed);
        RandomHistory history = new RandomHistory(random, "w" + WORLDS.incrementAndGet() + "-" + seed,
                sessions, mandates);
        Publisher publisher = publisher();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        history.events().forEach(event -> records.add(publisher.record(event, "property")));
        List<ProducerRecord<String, byte[]>> delivered = new ArrayList<>(records);
        for (int i = 0; i < records.size() / 3; i++) {
            delivered.add(records.get(random.nextInt(records.size())));
        }
        java.util.Collections.shuffle(delivered, random);
        for (ProducerRecord<String, byte[]> record : delivered) {
            facts.append(Publisher.received(record));
        }

        List<StoredFact> stored = storedFacts(records, history);
        TreeSet<LocalDate> dates = new TreeSet<>();
        stored.forEach(f -> {
            dates.add(f.occurredOn().minusDays(1));
            dates.add(f.occurredOn());
            dates.add(f.occurredOn().plusDays(1));
        });
        stored.forEach(f -> dates.add(f.occurredOn().minusDays(MandateStatus.DUE_SOON_DAYS)));
        for (LocalDate asOf : dates) {
            List<MandateReport> expected = expected(stored, history, asOf);
            assertThat(reports.matching(MandateQuery.ofBody(history.mandatedBody, asOf)))
                    .as("mandates of %s as of %s (seed %d)", history.mandatedBody, asOf, seed)
                    .containsExactlyElementsOf(expected);
            assertThat(pagedByCursor(MandateQuery.ofBody(history.mandatedBody, asOf)))
                    .as("the same mandates, two to a page by cursor (seed %d)", seed)
                    .containsExactlyElementsOf(expected);
            for (Set<MandateStatus> statuses : List.of(EnumSet.of(MandateStatus.OVERDUE, MandateStatus.DUE_SOON),
                    EnumSet.of(MandateStatus.OVERDUE), EnumSet.of(MandateStatus.DUE_SOON))) {
                MandateQuery due = new MandateQuery(asOf, statuses, history.mandatedBody, null, null);
                List<MandateReport> dueExpected = expected.stream().filter(r -> statuses.contains(r.status()))
                        .toList();
                assertThat(pagedByCursor(due)).as("%s of %s as of %s (seed %d)", statuses, history.mandatedBody,
                        asOf, seed).containsExactlyElementsOf(dueExpected);
                assertThat(reports.page(due, null, 0, 1).total()).as("their count").isEqualTo(dueExpected.size());
            }
            assertThat(reports.page(MandateQuery.ofBody(null, asOf), null, 0, 1).total())
                    .as("the whole list's total as of %s, from mandate_count (seed %d)", asOf, seed)
                    .isEqualTo(jdbc.sql("SELECT count(*) FROM mandate_version WHERE valid_from <= :d AND :d < valid_to")
                            .param("d", asOf).query(Long.class).single());
        }
    }

    private List<MandateReport> pagedByCursor(MandateQuery query) {
        List<MandateReport> all = new ArrayList<>();
        PageKey after = null;
        do {
            MandateReports.Page page = reports.page(query, after, 0, 2);
            all.addAll(page.items());
            after = page.next();
        } while (after != null);
        return all;
    }

    private Publisher publisher;

    private Publisher publisher() {
        if (publisher == null) {
            publisher = new Publisher(kafka, json, admin);
        }
        return publisher;
    }

    private static List<MandateReport> expected(List<StoredFact> stored, RandomHistory history, LocalDate asOf) {
        List<StoredFact> meetingFacts = stored.stream().filter(f -> f.aggregateId().startsWith(history.meetingPrefix))
                .toList();
        Optional<String> sessionBodyLabel = bodyAsOf(stored, history.sessionBody, asOf).map(b -> b.label());
        String mandatedBodyName = bodyAsOf(stored, history.mandatedBody, asOf).map(b -> b.name()).orElse(null);
        return history.mandateIds().stream()
                .map(id -> ReferenceFold.report(stored.stream().filter(f -> f.aggregateId().equals(id)).toList(),
                        meetingFacts, asOf, mandatedBodyName, d -> Names.deadline(d, sessionBodyLabel.orElse(null))))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(MandateReport::resolvedDue, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(MandateReport::conferredOn).thenComparing(MandateReport::id))
                .toList();
    }

    private static Optional<BodyState> bodyAsOf(List<StoredFact> stored, String bodyId, LocalDate asOf) {
        return BodyFold.asOf(stored.stream().filter(f -> f.aggregateId().equals(bodyId))
                .sorted(Comparator.comparingLong(StoredFact::aggregateSeq)).toList(), asOf);
    }

    /** The facts as the reference fold takes them: each aggregate's in its own order. */
    private static List<StoredFact> storedFacts(List<ProducerRecord<String, byte[]>> records, RandomHistory history) {
        List<StoredFact> stored = new ArrayList<>();
        List<Fact> events = history.events();
        for (int i = 0; i < records.size(); i++) {
            ProducerRecord<String, byte[]> record = records.get(i);
            long sequence = Long.parseLong(new String(record.headers().lastHeader("ce_aggregatesequence").value()));
            Fact event = events.get(i);
            stored.add(new StoredFact(i, "e" + i, record.key(), sequence, history.bodyOf(event), Instant.EPOCH,
                    "property", event));
        }
        return stored;
    }
}
