/** Reading and writing the JSON and date columns of the services' tables. */
package org.mandatetracker.support.jdbc;
