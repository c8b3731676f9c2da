package org.mandatetracker.gateway.web;

import org.junit.jupiter.api.Test;
import org.mandatetracker.gateway.GatewayProperties;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Buckets are kept per client while they matter: a client's spent bucket stays, a refilled one may go. */
class RateLimitFilterTests {

    private static RateLimitFilter limit(int perMinute) {
        return new RateLimitFilter(new GatewayProperties(null, null, true, null, "sub",
                new GatewayProperties.Limits(DataSize.ofMegabytes(1), perMinute, 100, 8, 32),
                new GatewayProperties.Cors(List.of())));
    }

    private static int fromAddresses(RateLimitFilter filter, int addresses) throws Exception {
        for (int i = 0; i < addresses; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/bodies");
            request.setRemoteAddr("10.0." + (i / 250) + "." + (i % 250));
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
        return filter.clients();
    }

    @Test
    void bucketsStillSpentAreKeptAndRefilledOnesAreDroppedWhenThereAreMany() throws Exception {
        assertThat(fromAddresses(limit(60), 10_100)).as("one request a second refills: none is full yet")
                .isEqualTo(10_100);
        assertThat(fromAddresses(limit(Integer.MAX_VALUE), 10_100)).as("refilled at once: swept")
                .isLessThanOrEqualTo(10_001);
    }
}
