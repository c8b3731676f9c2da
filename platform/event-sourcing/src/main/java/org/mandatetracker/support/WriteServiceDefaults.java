package org.mandatetracker.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults of the write services, below any setting of their own.
 * <ul>
 * <li>At most {@value #MAX_THREADS} requests are worked on at once, and the rest wait their turn on their open
 * connection. Tomcat's 200 threads gain nothing where commands queue for 16 database connections and their
 * aggregate's lock anyway, and when meeting-service stalled under an open-loop load all 200 were busy and its RSS went
 * from 344 to 567 MB. The gateway and the web application keep Tomcat's 200: each event stream they pass on holds a
 * thread for as long as it is open.</li>
 * <li>Axon's handler and transaction timeouts are off. Axon 4.13 starts a timed task for every handler and every unit
 * of work, and each start takes the thread's whole stack trace to keep one class name: 11% of mandate-service's
 * samples at one client. Restarted in turn on a held 1M system, mandate-service spent 12% less CPU per command
 * without them (three pairs, 16 clients and 1). What they gave is covered elsewhere: a command waits at most 10 s
 * for its aggregate's lock, a Kafka send at most 30 s, a connection at most 5 s, and a processor that stops is
 * reported by the readiness health. They could not have interrupted a thread blocked in a socket read anyway.</li>
 * </ul>
 */
public class WriteServiceDefaults implements EnvironmentPostProcessor {

    static final int MAX_THREADS = 64;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("tracker-write-service-defaults",
                Map.of("server.tomcat.threads.max", Integer.toString(MAX_THREADS),
                        "axon.timeout.enabled", "false")));
    }
}
