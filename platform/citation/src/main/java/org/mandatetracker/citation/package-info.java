/** Citing the official documents every recorded fact comes from, and what every such fact carries. */
package org.mandatetracker.citation;
