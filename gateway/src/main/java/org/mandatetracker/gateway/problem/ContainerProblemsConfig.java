package org.mandatetracker.gateway.problem;

import org.mandatetracker.problems.TomcatProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What Tomcat refuses before the gateway sees the request leaves as the gateway's own problems. */
@Configuration(proxyBeanMethods = false)
class ContainerProblemsConfig {

    @Bean
    static TomcatProblems tomcatProblems() {
        return new TomcatProblems(status -> Problems.json(status, null, null));
    }
}
