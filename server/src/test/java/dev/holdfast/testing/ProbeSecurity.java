package dev.holdfast.testing;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Test-only probe endpoints ({@code /api/v1/test/**}, {@code /test/**}, in src/test) exercise platform
 * behaviour — problem details, rate limits — without signing in.
 */
@Configuration(proxyBeanMethods = false)
class ProbeSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain probes(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/test/**", "/test/**")
                .csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
