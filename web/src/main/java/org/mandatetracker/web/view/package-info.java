/** How pages show what the API answers: dates as people read them, statuses, and the interface's language. */
package org.mandatetracker.web.view;
