package org.mandatetracker.support.axon;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How many aggregates the cache keeps; checking a held aggregate against the store is in the services' tests. */
class VerifiedAggregateCacheTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VerifiedAggregateCache cache = new VerifiedAggregateCache(2, null, meters);

    @Test
    void itKeepsTheMostRecentlyUsedUpToItsCapacity() {
        cache.put("cop", "COP");
        cache.put("wg-tip", "WG");
        assertThat(cache.<String, String>get("cop")).isEqualTo("COP");
        cache.put("wg-tip-advise", "mandate");

        assertThat(cache.containsKey("wg-tip")).as("the least recently used, dropped").isFalse();
        assertThat(cache.containsKey("cop")).isTrue();
        assertThat(cache.<String, String>get("wg-tip")).isNull();
        assertThat(meters.get("tracker.aggregate.cache").tag("result", "miss").counter().count()).isEqualTo(1);
        assertThat(meters.get("tracker.aggregate.cache").tag("result", "hit").counter().count()).isEqualTo(1);
        assertThat(meters.get("tracker.aggregate.cache.size").gauge().value()).isEqualTo(2);
    }
}
