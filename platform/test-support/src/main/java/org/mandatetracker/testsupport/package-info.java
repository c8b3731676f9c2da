/** Real PostgreSQL and Kafka for integration tests, chosen once per test JVM. */
package org.mandatetracker.testsupport;
