/** The AsyncAPI 3 document of a write service's topic, with payload schemas generated from its event records. */
package org.mandatetracker.support.asyncapi;
