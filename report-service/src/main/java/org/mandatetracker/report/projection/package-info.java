/** Both topics into the fact log, each record once, and the valid-time views refolded from it in the same transaction. */
package org.mandatetracker.report.projection;
