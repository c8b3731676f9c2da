package org.mandatetracker.meeting.bodies;

import org.apache.kafka.common.TopicPartition;
import org.mandatetracker.mandate.api.MandateEventTypes;
import org.mandatetracker.support.consume.GroupProgress;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * How far the body directory has read {@code mandate.events.v1}, across every replica of this service. Readiness
 * ({@code bodyDirectory}) stays down after start until the directory has read what was on the topic then, so a
 * restarted service does not refuse meetings of bodies established while it was away; after that it stays up.
 */
@Component("bodyDirectoryHealthIndicator")
class BodyDirectoryProgress implements HealthIndicator, DisposableBean {

    private final GroupProgress progress;
    private volatile Map<TopicPartition, Long> atStart;
    private volatile boolean caughtUpOnce;

    BodyDirectoryProgress(KafkaAdmin admin, @Value("${spring.application.name}") String application) {
        this.progress = new GroupProgress(admin.getConfigurationProperties(),
                application + "-" + BodyDirectory.CONSUMER, MandateEventTypes.TOPIC, Duration.ofSeconds(2));
    }

    /** Whether the directory has read everything on the topic now; false if the broker cannot say. */
    boolean upToDate() {
        try {
            return progress.behind() == 0;
        } catch (GroupProgress.BrokerUnavailable e) {
            return false;
        }
    }

    @Override
    public Health health() {
        if (caughtUpOnce) {
            return Health.up().build();
        }
        try {
            if (atStart == null) {
                atStart = progress.ends();
            }
            long behind = progress.behind(atStart);
            if (behind == 0) {
                caughtUpOnce = true;
                return Health.up().build();
            }
            return Health.down().withDetail("behind", behind)
                    .withDetail("reason", "reading the bodies published while this service was away").build();
        } catch (GroupProgress.BrokerUnavailable e) {
            return Health.down().withDetail("reason", "the broker cannot say how far the directory has read")
                    .withException(e.getCause() != null ? e.getCause() : e).build();
        }
    }

    @Override
    public void destroy() {
        progress.close();
    }
}
