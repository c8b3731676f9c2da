/** mandate-service: records which bodies exist and what they are mandated to do, as events. */
package org.mandatetracker.mandate;
