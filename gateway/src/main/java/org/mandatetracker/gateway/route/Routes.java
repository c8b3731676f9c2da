package org.mandatetracker.gateway.route;

import org.mandatetracker.gateway.GatewayProperties;
import org.mandatetracker.gateway.web.CorrelationIdFilter;
import org.slf4j.MDC;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

/**
 * The routing table. Writes go to the service that owns the facts; reads of the cross-service views (mandates with
 * deadlines, histories, recommendations, subscriptions, the calendar) go to report-service; a service's own reads go
 * to it. A mandate is read from report-service alone, one mandate or a body's list, so its status has one answer;
 * mandate-service only records it. Every proxied request carries the internal secret, the correlation id, and as
 * {@code X-Recorded-By} the authenticated principal, never a value the client sent.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    static final String RECORDED_BY = "X-Recorded-By";
    static final String INTERNAL_SECRET = "X-Internal-Secret";
    /** The services name their paths ({@code Location}, a problem's {@code instance}) under this prefix. */
    static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";
    static final String PUBLIC_PREFIX = "/api";

    /** How the proxy reaches the services ({@code spring.http.client.*}); the gateway's proxy takes this bean. */
    @Bean
    ClientHttpRequestFactory upstreamRequests(ClientHttpRequestFactoryBuilder<?> builder,
                                              ClientHttpRequestFactorySettings settings) {
        return new EventStreamsEndWithTheirClient(builder.build(settings));
    }

    @Bean
    RouterFunction<ServerResponse> reportRoutes(GatewayProperties properties) {
        return route("report-service")
                .GET("/api/bodies/{id}/mandates", http())
                .GET("/api/bodies/{id}/timeline", http())
                .GET("/api/mandates", http())
                .GET("/api/mandates/{id}", http())
                .GET("/api/mandates.csv", http())
                .HEAD("/api/bodies/{id}/mandates", http())
                .HEAD("/api/bodies/{id}/timeline", http())
                .HEAD("/api/mandates", http())
                .HEAD("/api/mandates/{id}", http())
                .HEAD("/api/mandates.csv", http())
                .route(path("/api/decisions/**").or(path("/api/recommendations/**"))
                        .or(path("/api/recommendations")).or(path("/api/subscriptions/**"))
                        .or(path("/api/subscriptions")).or(path("/api/calendar.ics"))
                        .or(path("/api/calendar-feeds")).or(path("/api/calendar-feeds/**")), http())
                .before(downstream(properties))
                .filter(new Upstream("report-service", properties.services().report()))
                .after(upstreamHeaders())
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> meetingRoutes(GatewayProperties properties) {
        return route("meeting-service")
                .route(path("/api/meetings/**").or(path("/api/meetings")).or(path("/api/bodies/{id}/sessions/**")),
                        http())
                .before(downstream(properties))
                .filter(new Upstream("meeting-service", properties.services().meeting()))
                .after(upstreamHeaders())
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> mandateRoutes(GatewayProperties properties) {
        return route("mandate-service")
                .route(path("/api/bodies/**").or(path("/api/bodies")).or(path("/api/mandates/**")), http())
                .before(downstream(properties))
                .filter(new Upstream("mandate-service", properties.services().mandate()))
                .after(upstreamHeaders())
                .build();
    }

    /** Each service's OpenAPI document, for the one API docs page the gateway serves. */
    @Bean
    RouterFunction<ServerResponse> apiDocsRoutes(GatewayProperties properties) {
        return apiDocs("mandate-service", properties.services().mandate(), properties)
                .and(apiDocs("meeting-service", properties.services().meeting(), properties))
                .and(apiDocs("report-service", properties.services().report(), properties));
    }

    private static RouterFunction<ServerResponse> apiDocs(String service, List<URI> replicas,
                                                          GatewayProperties properties) {
        return route(service + "-api-docs")
                .GET("/api-docs/" + service, http())
                .before(setPath("/v3/api-docs"))
                .before(internalOnly(properties))
                .filter(new Upstream(service, replicas))
                .build();
    }

    private static Function<ServerRequest, ServerRequest> downstream(GatewayProperties properties) {
        return stripPrefix(1)
                .andThen(internalOnly(properties))
                .andThen(request -> ServerRequest.from(request).headers(headers -> {
                    headers.remove(RECORDED_BY);
                    recorder().ifPresent(name -> headers.set(RECORDED_BY, name));
                    headers.set(FORWARDED_PREFIX, PUBLIC_PREFIX);
                    String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
                    if (correlationId != null) {
                        headers.set(CorrelationIdFilter.HEADER, correlationId);
                    }
                }).build());
    }

    /** The gateway already answers with the request's correlation id; the service's copy would be a second one. */
    private static BiFunction<ServerRequest, ServerResponse, ServerResponse> upstreamHeaders() {
        return (request, response) -> {
            response.headers().remove(CorrelationIdFilter.HEADER);
            return response;
        };
    }

    private static Function<ServerRequest, ServerRequest> internalOnly(GatewayProperties properties) {
        return request -> ServerRequest.from(request).headers(headers -> {
            headers.remove(INTERNAL_SECRET);
            if (properties.internalSecret() != null && !properties.internalSecret().isBlank()) {
                headers.set(INTERNAL_SECRET, properties.internalSecret());
            }
        }).build();
    }

    private static Optional<String> recorder() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? Optional.of(jwt.getName()) : Optional.empty();
    }
}
