/** The results of a run as rows against baselines and targets, written as a Markdown table and as JSON. */
package org.mandatetracker.bench.report;
