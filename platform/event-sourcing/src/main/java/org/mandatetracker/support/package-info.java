/** The shared ground of every event-sourced write service, switched on by {@link org.mandatetracker.support.WriteServiceAutoConfiguration}. */
package org.mandatetracker.support;
