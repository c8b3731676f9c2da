/** Rebuilding the stored views from the fact log, or the fact log from both topics, with progress as it goes. */
package org.mandatetracker.report.rebuild;
