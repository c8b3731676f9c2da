/** Telling clients about new recommendations: a feed with stable ids, server-sent events, and signed webhooks. */
package org.mandatetracker.report.subscription;
