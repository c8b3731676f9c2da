package org.mandatetracker.gateway.apidocs;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.mandatetracker.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's own {@code /v3/api-docs}: the three services' documents merged into one, served at the public
 * {@code /api}. Where two services document the same path and method, the one the gateway routes it to wins: a
 * mandate's reads are report-service's, so report-service comes first, then meeting-service, then mandate-service.
 * A service that does not answer is named in the description, and the rest is still served.
 */
@Configuration(proxyBeanMethods = false)
class MergedApiDocs {

    private static final Logger log = LoggerFactory.getLogger(MergedApiDocs.class);

    @Bean
    OpenApiCustomizer mergedServiceDocs(GatewayProperties properties) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(2000);
        // A service builds its document on first request, which takes seconds on a cold JVM.
        timeouts.setReadTimeout(30_000);
        RestClient client = RestClient.builder().requestFactory(timeouts).build();
        Map<String, List<URI>> services = new LinkedHashMap<>();
        services.put("report-service", properties.services().report());
        services.put("meeting-service", properties.services().meeting());
        services.put("mandate-service", properties.services().mandate());
        return openApi -> {
            List<String> missing = new ArrayList<>();
            openApi.setServers(List.of(new Server().url("/api").description("This gateway")));
            openApi.setPaths(new Paths());
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            services.forEach((name, replicas) -> {
                for (URI base : replicas) {
                    try {
                        String document = client.get().uri(base.resolve("/v3/api-docs")).headers(headers -> {
                            if (properties.internalSecret() != null && !properties.internalSecret().isBlank()) {
                                headers.set("X-Internal-Secret", properties.internalSecret());
                            }
                        }).retrieve().body(String.class);
                        boolean v31 = Json.mapper().readTree(document).path("openapi").asText().startsWith("3.1");
                        merge(openApi, (v31 ? Json31.mapper() : Json.mapper()).readValue(document, OpenAPI.class));
                        return;
                    } catch (Exception e) {
                        log.warn("The API docs of {} at {} could not be read: {}", name, base, e.toString());
                    }
                }
                missing.add(name);
            });
            openApi.setInfo(new Info().title("Mandate Tracker API").version("v1").description(
                    "What intergovernmental bodies are mandated to do and by when. Reads need a token with the reader "
                            + "or recorder role unless anonymous reads are on; writes need the recorder role "
                            + "(Authorize, then try it out). Every error is an RFC 9457 problem."
                            + (missing.isEmpty() ? "" : " Not shown, as they did not answer just now: "
                            + String.join(", ", missing) + ".")));
        };
    }

    private static void merge(OpenAPI into, OpenAPI from) {
        if (from.getPaths() != null) {
            from.getPaths().forEach((path, item) -> {
                PathItem target = into.getPaths().computeIfAbsent(path, p -> new PathItem());
                Map<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> present = target.readOperationsMap();
                item.readOperationsMap().forEach((method, operation) -> {
                    if (!present.containsKey(method)) {
                        target.operation(method, operation);
                    }
                });
            });
        }
        Components components = from.getComponents();
        if (components != null) {
            if (components.getSchemas() != null) {
                components.getSchemas().forEach((name, schema) -> {
                    if (into.getComponents().getSchemas() == null || !into.getComponents().getSchemas()
                            .containsKey(name)) {
                        into.getComponents().addSchemas(name, schema);
                    }
                });
            }
            if (components.getSecuritySchemes() != null) {
                components.getSecuritySchemes().forEach((name, scheme) -> {
                    if (into.getComponents().getSecuritySchemes() == null || !into.getComponents()
                            .getSecuritySchemes().containsKey(name)) {
                        into.getComponents().addSecuritySchemes(name, scheme);
                    }
                });
            }
        }
        if (from.getTags() != null) {
            for (Tag tag : from.getTags()) {
                if (into.getTags() == null || into.getTags().stream().noneMatch(t -> t.getName().equals(tag.getName()))) {
                    into.addTagsItem(tag);
                }
            }
        }
    }
}
