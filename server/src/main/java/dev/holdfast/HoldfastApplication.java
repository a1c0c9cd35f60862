package dev.holdfast;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HoldfastApplication {

    public static void main(String[] args) {
        SpringApplication.run(HoldfastApplication.class, args);
    }
}
