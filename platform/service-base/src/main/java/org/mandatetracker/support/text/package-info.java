/** The one rule for text and dates that enter through a request, and where every service applies it. */
package org.mandatetracker.support.text;
