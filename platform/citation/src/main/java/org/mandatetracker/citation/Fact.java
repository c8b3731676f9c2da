package org.mandatetracker.citation;

import java.time.LocalDate;

/**
 * A recorded fact: it happened on a real-world date and is cited from a source. When it was recorded, and by
 * whom, travels beside it as message metadata.
 */
public interface Fact {

    LocalDate occurredOn();

    SourceCitation source();
}
