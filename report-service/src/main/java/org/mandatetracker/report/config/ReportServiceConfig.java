package org.mandatetracker.report.config;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.mandatetracker.report.subscription.WebhookProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class ReportServiceConfig {

    /**
     * Decision numbers contain a slash; Tomcat rejects an encoded one ({@code 4%2F4}) by default. Passing it through
     * lets Spring decode it inside the path variable.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesInPathVariables() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
