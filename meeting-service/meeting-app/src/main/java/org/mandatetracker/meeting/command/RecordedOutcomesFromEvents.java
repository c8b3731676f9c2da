package org.mandatetracker.meeting.command;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.mandatetracker.meeting.api.DecisionAdopted;
import org.mandatetracker.meeting.api.DocumentIssued;
import org.mandatetracker.meeting.api.RecommendationAdopted;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Migration 14: fills the {@link OutcomeRegistry} from the outcomes in the event store, those recorded while meetings
 * still kept their outcomes themselves. It reads the events as Axon does, so that each fingerprint is the one the
 * meeting would have computed. On a new store there is nothing to read.
 */
@Component
public class RecordedOutcomesFromEvents implements JavaMigration {

    private static final List<String> TYPES = List.of(DecisionAdopted.class.getName(),
            RecommendationAdopted.class.getName(), DocumentIssued.class.getName());

    private final ObjectProvider<Serializer> eventSerializer;

    RecordedOutcomesFromEvents(@Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer) {
        this.eventSerializer = eventSerializer;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("14");
    }

    @Override
    public String getDescription() {
        return "recorded outcomes from events";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        var jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        jdbc.setFetchSize(1_000);
        fill(JdbcClient.create(jdbc), eventSerializer.getObject());
    }

    /** Adds the outcome of every outcome event in the store to an empty registry, in the order they were stored. */
    public static void fill(JdbcClient jdbc, Serializer serializer) {
        jdbc.sql("SELECT payloadtype, payloadrevision, payload FROM domainevententry "
                + "WHERE payloadtype IN (?, ?, ?) ORDER BY globalindex").params(TYPES).query(rs -> {
            SerializedObject<byte[]> payload = new SimpleSerializedObject<>(rs.getBytes("payload"), byte[].class,
                    new SimpleSerializedType(rs.getString("payloadtype"), rs.getString("payloadrevision")));
            RecordedOutcome.of(serializer.deserialize(payload))
                    .ifPresent(outcome -> JdbcOutcomeRegistry.insert(jdbc, outcome));
        });
    }
}
