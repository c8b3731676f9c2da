package org.mandatetracker.report.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param allowPrivateTargets whether webhooks may target loopback and private addresses (for local use and tests;
 *                            link-local and cloud metadata addresses are refused regardless)
 * @param maxAttempts         attempts before a delivery is dead-lettered
 * @param initialBackoff      the wait after the first failure; it doubles after each further one
 * @param maxBackoff          the longest wait between attempts
 * @param timeout             how long one attempt may take, connecting and waiting for the answer
 * @param senders             deliveries in flight at once, each to a different subscription
 * @param pollInterval        how often due deliveries are looked for, besides when the feed grows
 * @param breakerOpenFor      how long a subscription whose receiver keeps failing is left alone before one trial
 */
@ConfigurationProperties("report.webhooks")
public record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("8") int senders,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("30s") Duration breakerOpenFor) {
}
