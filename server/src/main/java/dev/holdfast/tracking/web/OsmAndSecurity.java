package dev.holdfast.tracking.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Trackers call {@code /osmand} without credentials (the protocol has none; the tracker id binds a report to an asset)
 * and without sessions or CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
class OsmAndSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain osmand(HttpSecurity http) throws Exception {
        http.securityMatcher("/osmand", "/osmand/")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
