/** The system under test as the local launcher starts it, its processes, and the machine it runs on. */
package org.mandatetracker.bench.system;
