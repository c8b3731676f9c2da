package org.mandatetracker.support;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WriteServiceDefaultsTests {

    @Test
    void boundsTheRequestThreadsAndSwitchesAxonsTimeoutsOff() {
        StandardEnvironment environment = new StandardEnvironment();

        new WriteServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class))
                .isEqualTo(WriteServiceDefaults.MAX_THREADS);
        assertThat(environment.getProperty("axon.timeout.enabled", Boolean.class)).isFalse();
    }

    @Test
    void aServicesOwnSettingWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("the service's own",
                Map.of("axon.timeout.enabled", "true", "server.tomcat.threads.max", "200")));

        new WriteServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("axon.timeout.enabled", Boolean.class)).isTrue();
        assertThat(environment.getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(200);
    }
}
