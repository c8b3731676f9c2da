package org.mandatetracker.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandatetracker.support.consume.ConsumerSupport;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.mandatetracker.support.web.CorrelationIdFilter;
import org.mandatetracker.support.web.InternalSecretFilter;
import org.mandatetracker.support.web.JsonConfig;
import org.mandatetracker.support.web.ProblemErrorReportValve;
import org.mandatetracker.support.web.ProblemResponses;
import org.mandatetracker.support.web.RequestIntegrity;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What every Mandate Tracker service shares: strict JSON and text, RFC 9457 problem responses, correlation ids, trusting only
 * the gateway, and consuming
 * other services' topics without losing or repeating a record. It runs before Spring MVC's auto-configuration so
 * that its problem responses replace the default ones.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties(TrackerProperties.class)
@Import({JsonConfig.class, RequestIntegrity.class, ProblemResponses.class, CorrelationIdFilter.class, InternalSecretFilter.class,
        ConsumerSupport.class})
public class ServiceBaseAutoConfiguration {

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    WebServerFactoryCustomizer<?> problemErrorReportValve() {
        return ProblemErrorReportValve.installer();
    }

    @Bean
    JsonColumns jsonColumns(ObjectMapper json) {
        return new JsonColumns(json);
    }
}
