package org.mandatetracker.report.web;

import org.junit.jupiter.api.Test;
import org.mandatetracker.report.subscription.RecommendationStream;
import org.mandatetracker.support.web.ProblemResponses;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Duration;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A client that asks for an event stream is told in a problem, not in an event, that none is to be had. */
class StreamRefusalTests {

    @Test
    void aStreamBeyondTheLimitIsRefusedWithAProblemThoughTheClientAcceptsOnlyEvents() throws Exception {
        // Streams for no one: refused before the feed is read, so none is needed.
        RecommendationStream full = new RecommendationStream(null, Duration.ofMinutes(1), Duration.ofSeconds(3), 0);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new SubscriptionController(full, null))
                .setControllerAdvice(new ProblemResponses()).build();

        mvc.perform(get("/recommendations/stream").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(jsonPath("$.type").value("urn:mandate-tracker:problem:busy"))
                .andExpect(jsonPath("$.detail").value(containsString("report.stream.max-subscribers")));
    }
}
