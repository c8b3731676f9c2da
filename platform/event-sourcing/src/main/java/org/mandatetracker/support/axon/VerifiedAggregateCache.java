package org.mandatetracker.support.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates kept in memory between commands, so that a command does not replay the events since the last snapshot.
 * Another replica may have appended to an aggregate since this one cached it, so every hit is first checked against
 * the event store's last sequence number for that aggregate (one probe of its unique index), and a stale entry is
 * dropped so that the aggregate is loaded afresh.
 * <p>
 * The most recently used {@code capacity} aggregates are kept, each softly referenced, so that the collector may
 * still take them back before the heap runs out (a busy meeting holds a fingerprint per outcome). The key is the
 * aggregate identifier alone, as in the event store, whose unique (identifier, sequence) key already keeps
 * identifiers unique across aggregate types.
 */
final class VerifiedAggregateCache implements Cache {

    private final Map<Object, SoftReference<Object>> entries;
    private final JdbcTemplate jdbc;
    private final Counter hits;
    private final Counter misses;
    private final Counter stale;
    private final Counter collected;

    VerifiedAggregateCache(int capacity, JdbcTemplate jdbc, MeterRegistry meters) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, SoftReference<Object>> eldest) {
                return size() > capacity;
            }
        };
        this.jdbc = jdbc;
        this.hits = lookups(meters, "hit");
        this.misses = lookups(meters, "miss");
        this.stale = lookups(meters, "stale");
        this.collected = lookups(meters, "collected");
        Gauge.builder("tracker.aggregate.cache.size", this, VerifiedAggregateCache::size)
                .description("Aggregates held in memory").register(meters);
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        return Counter.builder("tracker.aggregate.cache")
                .description("Aggregate loads answered from memory (hit), or from the event store: not held (miss), "
                        + "taken back by the collector (collected), or appended to by another writer since (stale)")
                .tag("result", result)
                .register(meters);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (this) {
            SoftReference<Object> reference = entries.get(key);
            value = reference == null ? null : reference.get();
            if (reference != null && value == null) {
                entries.remove(key);
                collected.increment();
                return null;
            }
        }
        if (value == null) {
            misses.increment();
            return null;
        }
        if (value instanceof AggregateCacheEntry<?> entry && !isCurrent(key, entry)) {
            stale.increment();
            remove(key);
            return null;
        }
        hits.increment();
        return (V) value;
    }

    private synchronized Object held(Object key) {
        SoftReference<Object> reference = entries.get(key);
        return reference == null ? null : reference.get();
    }

    private boolean isCurrent(Object key, AggregateCacheEntry<?> entry) {
        // An entry held in memory returns the aggregate it was made from, without using the arguments.
        Long cached = entry.recreateAggregate(null, null, null, NoSnapshotTriggerDefinition.INSTANCE).version();
        Long stored = jdbc.queryForObject(
                "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, key.toString());
        return Objects.equals(cached, stored);
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, new SoftReference<>(value));
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (held(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return held(key) != null;
    }

    private synchronized int size() {
        return entries.size();
    }

    /** No part of the framework listens to an aggregate cache, and nothing here offers events to listen to. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("The aggregate cache has no entry listeners");
    }
}
