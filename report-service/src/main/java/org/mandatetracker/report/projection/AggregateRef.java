package org.mandatetracker.report.projection;

/** One aggregate, by its kind and id. */
public record AggregateRef(AggregateType type, String id) {
}
