package org.mandatetracker.support.command;

import io.swagger.v3.oas.models.PathItem;
import org.mandatetracker.support.apidocs.ApiProblems;
import org.mandatetracker.support.web.ProblemResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Documents on every command the problems {@link CommandProblemResponses} answers: 409, 422 and 503. */
@Configuration(proxyBeanMethods = false)
public class CommandApiDocs {

    @Bean
    OpenApiCustomizer commandProblemDocs() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (method, operation) -> {
                    if (method != PathItem.HttpMethod.POST) {
                        return;
                    }
                    String instance = "/api" + path.replace("{id}", "wg-tip-intersessional-meeting");
                    ApiProblems.add(operation, 409, "Contradicts the record: the record is closed, or the id holds "
                            + "something else", ProblemResponses.CONFLICT.toString(), "Conflicts with the record",
                            "Mandate 'wg-tip-intersessional-meeting' was fulfilled on 2011-10-12 and can no longer "
                                    + "change", instance);
                    ApiProblems.add(operation, 422, "A fact that cannot be true, such as an end before its start",
                            ProblemResponses.RULE_VIOLATION.toString(), "Breaks a recording rule",
                            "A mandate cannot be fulfilled (2010-10-01) before it was conferred (2010-10-22)",
                            instance);
                    ApiProblems.add(operation, 503, "At capacity, the database briefly away, or something the "
                            + "request names not known here yet; send the same request again after Retry-After", CommandProblemResponses.BUSY.toString(), "Busy",
                            CommandProblemResponses.BUSY_DETAIL, instance);
                }));
    }
}
