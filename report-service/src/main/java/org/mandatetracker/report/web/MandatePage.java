package org.mandatetracker.report.web;

import org.mandatetracker.report.query.MandateReport;

import java.util.List;

/**
 * One page of mandates, sorted by resolved due date: its number when asked by number, how many match in all, and the
 * cursor of the next page ({@code null} on the last).
 */
public record MandatePage(List<MandateReport> items, Integer page, int size, long total, String next) {
}
