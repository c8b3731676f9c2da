/** Tomcat's own error reports, which no servlet or controller ever sees, as problem details. */
package org.mandatetracker.problems;
