package org.mandatetracker.mandate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MandateServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MandateServiceApplication.class, args);
    }
}
