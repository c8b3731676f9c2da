/** The worked-example loader: records a data file of facts through the gateway, as a recorder would. */
package org.mandatetracker.loader;
