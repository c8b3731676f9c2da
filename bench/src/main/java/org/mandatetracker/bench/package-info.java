/** The benchmark's command line and the order in which it measures the running system and its baselines. */
package org.mandatetracker.bench;
