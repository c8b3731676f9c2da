/** What every service shares, switched on by {@link org.mandatetracker.support.ServiceBaseAutoConfiguration}. */
package org.mandatetracker.support;
