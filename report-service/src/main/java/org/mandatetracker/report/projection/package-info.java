/** Both topics into the fact log, each record once, and the valid-time views refolded from it in one transaction. */
package org.mandatetracker.report.projection;
