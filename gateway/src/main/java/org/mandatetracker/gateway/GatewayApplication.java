package org.mandatetracker.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    static {
        neverRepeatAPost();
    }

    public static void main(String[] args) {
        neverRepeatAPost();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * The gateway reaches the services with the JDK's {@code HttpURLConnection} ({@code spring.http.client.factory:
     * simple}), which keeps an idle connection 5 s, well inside the services' 60 s, and sends a failed request again
     * on a fresh connection once. For a POST that repeat is the client's decision, not the gateway's (see {@code
     * Upstream}); read once, when the class is first used, so set before anything starts.
     */
    static void neverRepeatAPost() {
        if (System.getProperty("sun.net.http.retryPost") == null) {
            System.setProperty("sun.net.http.retryPost", "false");
        }
    }
}
