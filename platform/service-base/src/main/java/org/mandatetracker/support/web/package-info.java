/** HTTP rules every write service shares: strict JSON, problem responses, recording metadata, request limits. */
package org.mandatetracker.support.web;
