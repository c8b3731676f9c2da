/** Rebuilding the fact log from the beginning of both topics, with progress reported as it goes. */
package org.mandatetracker.report.rebuild;
