package org.mandatetracker.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Defaults of the write services, below any setting of their own: at most {@value #MAX_THREADS} requests are worked
 * on at once, and the rest wait their turn on their open connection. Tomcat's 200 threads gain nothing where commands
 * queue for 16 database connections and their aggregate's lock anyway, and when meeting-service stalled under an
 * open-loop load all 200 were busy and its RSS went from 344 to 567 MB. The gateway and the web application keep
 * Tomcat's 200: each event stream they pass on holds a thread for as long as it is open.
 */
public class WriteServiceDefaults implements EnvironmentPostProcessor {

    static final int MAX_THREADS = 64;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("tracker-write-service-defaults",
                Map.of("server.tomcat.threads.max", Integer.toString(MAX_THREADS))));
    }
}
