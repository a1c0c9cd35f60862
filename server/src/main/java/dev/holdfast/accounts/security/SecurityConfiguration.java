package dev.holdfast.accounts.security;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.accounts.AccountsRateLimits;
import dev.holdfast.accounts.domain.ApiTokens;
import dev.holdfast.activity.UsageLog;
import dev.holdfast.platform.BearerTokenAuthenticator;
import dev.holdfast.platform.RateLimiter;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: {@code /api/**} is stateless with bearer tokens (problem details for 401/403, no CSRF since
 * no cookie authenticates there); pages use a server-side session with form login and CSRF. Both bind the
 * company and role afresh on every request ({@link RequestBindingFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({AccountsProperties.class, AccountsRateLimits.class})
class SecurityConfiguration {

    static final String OPERATOR_AUTHORITY = "ROLE_OPERATOR";
    /** Every signed-in person (session or personal token); devices have ROLE_DEVICE instead. */
    static final String USER_AUTHORITY = "ROLE_USER";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Inventory and procurement data: every member reads it, Managers and up change it. */
    private static final String[] INVENTORY_API = {"/api/v1/assets/**", "/api/v1/categories/**",
        "/api/v1/manufacturers/**", "/api/v1/models/**", "/api/v1/locations/**", "/api/v1/status-labels/**",
        "/api/v1/people/**", "/api/v1/departments/**"};

    private static final String[] PUBLIC_PAGES = {"/login", "/signup", "/setup", "/password/**", "/join/**", "/error",
        "/webjars/**", "/css/**", "/js/**", "/favicon.svg", "/actuator/health/**", "/actuator/info",
        "/actuator/prometheus"};

    /**
     * The pages' policy; with map tiles configured ({@code HOLDFAST_MAP_TILE_URL}), images may also come from the
     * tile server's origin — nothing else from outside.
     */
    static String contentSecurityPolicy(String mapTileUrl) {
        if (mapTileUrl == null || mapTileUrl.isBlank()) {
            return CONTENT_SECURITY_POLICY;
        }
        java.util.regex.Matcher m = TILE_ORIGIN.matcher(mapTileUrl.strip());
        if (!m.lookingAt()) {
            throw new IllegalStateException(
                    "HOLDFAST_MAP_TILE_URL is not an http(s) URL template like https://tiles.example/{z}/{x}/{y}.png");
        }
        String origin = m.group(1) + "://" + m.group(2).replace("{s}", "*");
        return CONTENT_SECURITY_POLICY.replace("img-src 'self' data:", "img-src 'self' data: " + origin);
    }

    /** The scheme and host (a {@code {s}} subdomain placeholder allowed) and port of a tile URL template. */
    private static final java.util.regex.Pattern TILE_ORIGIN = java.util.regex.Pattern.compile(
            "(https?)://((?:\\{s\\}\\.)?[A-Za-z0-9.-]+(?::\\d{1,5})?)(?:/|$)");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(11);
    }

    /**
     * Spring Security observes nothing — no filter-chain, authentication or authorization observations: with an
     * observation registry present it otherwise wraps every filter of every request in an observation, on the hot
     * path of every upload. The {@code http.server.requests} metrics stay.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_OWNER > ROLE_ADMIN
                ROLE_ADMIN > ROLE_MANAGER
                ROLE_MANAGER > ROLE_VIEWER
                """);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, MembershipResolver resolver,
            List<BearerTokenAuthenticator> otherTokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> { })
                .addFilterAfter(new ApiTokenFilter(tokens, resolver, otherTokens), SecurityContextHolderFilter.class)
                .addFilterBefore(new RequestBindingFilter(resolver), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/signup", "/api/v1/tokens").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/devices/enroll").permitAll()
                        .requestMatchers("/api/v1/invitations/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/api/v1/ingest/**", "/api/v1/devices/self/**").hasRole("DEVICE")
                        .requestMatchers(HttpMethod.GET, "/api/v1/inventory-settings").hasRole("VIEWER")
                        .requestMatchers("/api/v1/inventory-settings").hasRole("ADMIN")
                        // --- alerts rules ---
                        .requestMatchers("/api/v1/alert-settings/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/notifications/**").hasRole("VIEWER")
                        // --- end alerts rules ---
                        .requestMatchers(HttpMethod.GET, INVENTORY_API).hasRole("VIEWER")
                        .requestMatchers(INVENTORY_API).hasRole("MANAGER")
                        // --- tracking rules ---
                        .requestMatchers("/api/v1/tracking-settings").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/tracking/**").hasRole("VIEWER")
                        // --- end tracking rules ---
                        // --- procurement rules ---
                        .requestMatchers(HttpMethod.GET, "/api/v1/procurement-settings").hasRole("VIEWER")
                        .requestMatchers("/api/v1/procurement-settings").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/vendors/**", "/api/v1/contracts/**",
                                "/api/v1/licenses/**").hasRole("VIEWER")
                        .requestMatchers("/api/v1/vendors/**", "/api/v1/contracts/**", "/api/v1/licenses/**")
                        .hasRole("MANAGER")
                        // --- end procurement rules ---
                        .anyRequest().hasRole("USER"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> res.sendError(HttpServletResponse.SC_UNAUTHORIZED))
                        .accessDeniedHandler((req, res, ex) -> res.sendError(HttpServletResponse.SC_FORBIDDEN)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, MembershipResolver resolver, LoginHandlers handlers,
            RateLimiter limiter, AccountsRateLimits limits, AccountsProperties properties, UsageLog usage,
            @Value("${holdfast.tracking.map-tile-url:}") String mapTileUrl) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/actuator/**").hasRole("OPERATOR")
                        .requestMatchers("/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/settings/**", "/users/**", "/devices/**").hasRole("ADMIN")
                        // --- alerts rules ---
                        .requestMatchers("/notifications/**", "/dashboard/**").hasRole("VIEWER")
                        // --- end alerts rules ---
                        .requestMatchers(HttpMethod.GET, "/assets/new", "/assets/*/edit", "/assets/*/delete")
                        .hasRole("MANAGER")
                        .requestMatchers(HttpMethod.GET, "/assets/**", "/map/**").hasRole("VIEWER")
                        .requestMatchers("/assets/**").hasRole("MANAGER")
                        // --- procurement rules ---
                        .requestMatchers(HttpMethod.GET, "/vendors/new", "/vendors/*/edit", "/contracts/new",
                                "/contracts/*/edit", "/licenses/new", "/licenses/*/edit").hasRole("MANAGER")
                        .requestMatchers(HttpMethod.GET, "/vendors/**", "/contracts/**", "/licenses/**",
                                "/warranties/**").hasRole("VIEWER")
                        .requestMatchers("/vendors/**", "/contracts/**", "/licenses/**", "/warranties/**")
                        .hasRole("MANAGER")
                        // --- end procurement rules ---
                        // --- inventory rules ---
                        .requestMatchers(HttpMethod.GET, "/inventory/*/new", "/inventory/*/*/edit",
                                "/inventory/categories/*/fields/*").hasRole("MANAGER")
                        .requestMatchers(HttpMethod.GET, "/inventory/**").hasRole("VIEWER")
                        .requestMatchers("/inventory/**").hasRole("MANAGER")
                        // --- end inventory rules ---
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").loginProcessingUrl("/login").usernameParameter("email")
                        .successHandler(handlers.success()).failureHandler(handlers.failure()).permitAll())
                .logout(l -> l.logoutUrl("/logout").addLogoutHandler(handlers.logout())
                        .logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(new LoginRateLimitFilter(limiter, limits), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionLifetimeFilter(properties.sessionAbsoluteLifetime(), usage),
                        SecurityContextHolderFilter.class)
                .addFilterBefore(new RequestBindingFilter(resolver), AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(contentSecurityPolicy(mapTileUrl)))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }
}
