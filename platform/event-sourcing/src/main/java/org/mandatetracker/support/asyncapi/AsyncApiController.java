package org.mandatetracker.support.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mandatetracker.support.relay.EventPublication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the service's AsyncAPI document, built from its event records when first asked for: the schema generator
 * loads some 300 classes that a service nobody asks would otherwise carry in its metaspace for good.
 */
@RestController
public class AsyncApiController {

    private final SingletonSupplier<ObjectNode> document;

    AsyncApiController(@Value("${spring.application.name}") String service, EventPublication publication,
                       ObjectMapper json) {
        this.document = SingletonSupplier.of(() -> AsyncApiDocument.of(service, publication, json));
    }

    @GetMapping(value = "/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode asyncApi() {
        return document.obtain();
    }
}
