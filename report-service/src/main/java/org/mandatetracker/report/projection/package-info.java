/** Reading both topics into the fact log: each record once, in the transaction that stores it. */
package org.mandatetracker.report.projection;
