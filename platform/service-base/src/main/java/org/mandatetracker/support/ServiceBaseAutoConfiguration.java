package org.mandatetracker.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandatetracker.support.apidocs.ApiDocs;
import org.mandatetracker.support.consume.ConsumerSupport;
import org.mandatetracker.support.jdbc.JsonColumns;
import org.mandatetracker.support.web.ConditionalGetFilter;
import org.mandatetracker.support.web.ContainerProblems;
import org.mandatetracker.support.web.CorrelationIdFilter;
import org.mandatetracker.support.web.InternalSecretFilter;
import org.mandatetracker.support.web.JsonConfig;
import org.mandatetracker.support.web.ProblemResponses;
import org.mandatetracker.support.web.RequestIntegrity;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * What every Mandate Tracker service shares: strict JSON and text, RFC 9457 problem responses, correlation ids,
 * trusting only the gateway, and consuming other services' topics without losing or repeating a record. It runs before Spring MVC's auto-configuration so
 * that its problem responses replace the default ones.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties(TrackerProperties.class)
@Import({ApiDocs.class, JsonConfig.class, RequestIntegrity.class, ProblemResponses.class, ContainerProblems.class,
        CorrelationIdFilter.class, InternalSecretFilter.class, ConditionalGetFilter.class, ConsumerSupport.class})
public class ServiceBaseAutoConfiguration {

    /**
     * Honours the gateway's {@code X-Forwarded-Prefix} ({@code /api}), so that {@code Location} headers and problems'
     * {@code instance} name the public path. Only the gateway reaches the services (see {@link InternalSecretFilter}).
     */
    @Bean
    FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeaderFilter() {
        FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(
                new ForwardedHeaderFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    JsonColumns jsonColumns(ObjectMapper json) {
        return new JsonColumns(json);
    }
}
