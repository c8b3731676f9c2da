package org.mandatetracker.support.axon;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.common.lock.LockFactory;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One fair lock per aggregate: commands to one aggregate take turns in arrival order, and a waiting command sleeps
 * until its turn. Axon's default lets the lock be barged, so under a queue of commands for one busy aggregate the
 * next in line spins, and between attempts every waiter scans all waiting threads for deadlocks; on two cores that
 * is the CPU the command holding the lock needs. A command here locks one aggregate only, so there is no deadlock to
 * look for. A command that has waited {@code wait} is refused, and answered as the service being busy.
 */
public final class FairAggregateLocks implements LockFactory {

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();
    private final Duration wait;

    public FairAggregateLocks(Duration wait) {
        this.wait = wait;
    }

    @Override
    public Lock obtainLock(String identifier) {
        Entry entry = locks.compute(identifier, (id, current) -> {
            Entry used = current == null ? new Entry() : current;
            used.users++;
            return used;
        });
        boolean acquired = false;
        try {
            acquired = entry.lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!acquired) {
                forget(identifier);
            }
        }
        if (!acquired) {
            throw new LockAcquisitionFailedException("Aggregate '" + identifier + "' stayed busy for " + wait);
        }
        return new Lock() {
            @Override
            public void release() {
                entry.lock.unlock();
                forget(identifier);
            }

            @Override
            public boolean isHeld() {
                return entry.lock.isHeldByCurrentThread();
            }
        };
    }

    /** How many aggregates are locked or waited for; idle ones are not kept. */
    int size() {
        return locks.size();
    }

    private void forget(String identifier) {
        locks.computeIfPresent(identifier, (id, entry) -> --entry.users == 0 ? null : entry);
    }

    /** A lock and how many commands hold or wait for it; changed only inside the map's atomic compute. */
    private static final class Entry {
        private final ReentrantLock lock = new ReentrantLock(true);
        private int users;
    }
}
