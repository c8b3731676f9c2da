package org.mandatetracker.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    /**
     * Seconds an idle pooled connection to a service is kept. The services' Tomcat closes idle connections after 60
     * s; a pooled connection kept longer than that can be picked just as the service closes it, and the request on
     * it fails. The JDK's own default is 1200 s.
     */
    static final String UPSTREAM_KEEP_ALIVE_SECONDS = "20";

    public static void main(String[] args) {
        keepPooledConnectionsShorterThanTheServices();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /** Read once, when the JDK's HTTP client is first used; so set before anything starts. */
    static void keepPooledConnectionsShorterThanTheServices() {
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", UPSTREAM_KEEP_ALIVE_SECONDS);
        }
    }
}
