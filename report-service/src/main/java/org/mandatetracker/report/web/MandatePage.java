package org.mandatetracker.report.web;

import org.mandatetracker.report.query.MandateReport;

import java.util.List;

/** One page of mandates, sorted by resolved due date. */
public record MandatePage(List<MandateReport> items, int page, int size, long total) {
}
