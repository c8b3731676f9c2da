/** Load generators and the measurements they take: closed-loop clients, open-loop rates, and the baselines. */
package org.mandatetracker.bench.measure;
