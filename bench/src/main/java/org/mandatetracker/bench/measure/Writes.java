package org.mandatetracker.bench.measure;

import java.net.http.HttpResponse;

/**
 * Commands straight to mandate-service: each client establishes a body, then confers nine mandates on it, and
 * again. Every command is one new event in the service's store.
 */
public final class Writes {

    private static final int COMMANDS_PER_BODY = 10;

    private Writes() {
    }

    public static ClosedLoop.Operation establishAndConfer(Api mandate, String prefix, String decision) {
        return (client, iteration, random) -> {
            String body = prefix + "-c" + client + "-" + (iteration - iteration % COMMANDS_PER_BODY);
            HttpResponse<String> response;
            if (iteration % COMMANDS_PER_BODY == 0) {
                response = mandate.post("/bodies", """
                        {"id": "%s", "name": "Bench write body %s", "shortName": "BW", "kind": "WORKING_GROUP",
                         "establishedOn": "2024-01-10", "establishedBy": {"document": "%s", "paragraph": "1"}}"""
                        .formatted(body, body, decision));
            } else {
                response = mandate.post("/bodies/" + body + "/mandates", """
                        {"id": "%s-m%d", "task": "To report on the implementation of the protocol, within existing \
                        resources", "deadline": {"form": "on-date", "date": "2027-06-30"}, "conferredOn": "2024-02-01",
                         "source": {"document": "%s", "paragraph": "%d"}}"""
                        .formatted(body, iteration % COMMANDS_PER_BODY, decision, iteration % COMMANDS_PER_BODY + 1));
            }
            return Api.ok(response.statusCode());
        };
    }
}
