/** The shape of every Kafka record a Mandate Tracker service publishes: a CloudEvent in binary mode. */
package org.mandatetracker.support.cloudevents;
