package org.mandatetracker.support.axon;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FairAggregateLocksTests {

    @Test
    void aReleasedLockIsForgotten() {
        FairAggregateLocks locks = new FairAggregateLocks(Duration.ofSeconds(10));
        Lock lock = locks.obtainLock("meeting-1");
        assertThat(lock.isHeld()).isTrue();
        assertThat(locks.size()).isEqualTo(1);
        lock.release();
        assertThat(locks.size()).isZero();
    }

    @Test
    void theSameThreadMayTakeItsLockAgain() {
        FairAggregateLocks locks = new FairAggregateLocks(Duration.ZERO);
        Lock outer = locks.obtainLock("meeting-1");
        Lock inner = locks.obtainLock("meeting-1");
        inner.release();
        assertThat(outer.isHeld()).isTrue();
        outer.release();
        assertThat(locks.size()).isZero();
    }

    @Test
    void aCommandWaitsForTheOneHoldingTheLock() throws Exception {
        FairAggregateLocks locks = new FairAggregateLocks(Duration.ofMinutes(1));
        Lock held = locks.obtainLock("meeting-1");
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            Lock lock = locks.obtainLock("meeting-1");
            lock.release();
            return true;
        });
        assertThat(waiter).isNotDone();
        held.release();
        assertThat(waiter.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(locks.size()).isZero();
    }

    @Test
    void aLockThatStaysBusyIsRefusedAndForgotten() throws Exception {
        FairAggregateLocks locks = new FairAggregateLocks(Duration.ZERO);
        Lock held = locks.obtainLock("meeting-1");
        CompletableFuture<Void> refused = CompletableFuture.runAsync(() -> locks.obtainLock("meeting-1"));
        assertThatThrownBy(() -> refused.get(1, TimeUnit.MINUTES))
                .hasCauseInstanceOf(LockAcquisitionFailedException.class);
        held.release();
        assertThat(locks.size()).isZero();
    }

    @Test
    void locksOfDifferentAggregatesAreIndependent() throws Exception {
        FairAggregateLocks locks = new FairAggregateLocks(Duration.ZERO);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Lock first = locks.obtainLock("meeting-1");
            Lock second = other.submit(() -> locks.obtainLock("meeting-2")).get(1, TimeUnit.MINUTES);
            assertThat(locks.size()).isEqualTo(2);
            first.release();
            other.submit(second::release).get(1, TimeUnit.MINUTES);
            assertThat(locks.size()).isZero();
        } finally {
            other.shutdownNow();
        }
    }
}
