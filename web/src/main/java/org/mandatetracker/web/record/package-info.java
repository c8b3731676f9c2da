/** The recorders' forms: each posts one command to the API and shows its problems beside the fields they name. */
package org.mandatetracker.web.record;
