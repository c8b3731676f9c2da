package org.mandatetracker.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings every write service shares, under {@code tracker.*}.
 *
 * @param recordedByDefault who is named as recorder when a request has no {@code X-Recorded-By} header
 * @param snapshotThreshold aggregates are snapshotted every this many events
 * @param aggregateCacheSize how many recently used aggregates a write service keeps in memory between commands
 * @param internalSecret    when set, requests must carry it in {@code X-Internal-Secret}, as the gateway does
 */
@ConfigurationProperties("tracker")
public record TrackerProperties(
        @DefaultValue("anonymous") String recordedByDefault,
        @DefaultValue("50") int snapshotThreshold,
        @DefaultValue("2048") int aggregateCacheSize,
        @DefaultValue Kafka kafka,
        String internalSecret) {

    /**
     * @param partitions  partitions of the service's topic; they cap how many consumers of one group share it
     * @param replicas    replicas of the service's topic
     * @param sendTimeout how long the relay waits for the broker to acknowledge a processor batch of events
     */
    public record Kafka(
            @DefaultValue("6") int partitions,
            @DefaultValue("1") short replicas,
            @DefaultValue("30s") Duration sendTimeout) {
    }
}
