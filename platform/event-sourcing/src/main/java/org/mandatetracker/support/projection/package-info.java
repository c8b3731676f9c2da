/** Projections that apply each event once and dead-letter one they cannot apply, holding back only its aggregate. */
package org.mandatetracker.support.projection;
