/** Value types for citing the official documents that every recorded fact comes from. */
package org.mandatetracker.citation;
