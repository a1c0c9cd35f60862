package dev.holdfast.platform.web;

import java.util.List;

import dev.holdfast.platform.RateLimiter;
import dev.holdfast.platform.ratelimit.RateLimitProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API write rate limit on {@code /api/**} (except device uploads, which have their own limits), and the
 * last-resort resolver for a {@code ProblemException} that no controller advice answered.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

    private final RateLimiter limiter;
    private final RateLimitProperties properties;

    ApiWebConfiguration(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (properties.enabled()) {
            registry.addInterceptor(new ApiWriteRateLimit(limiter, properties.apiWritesPerMinute()))
                    .addPathPatterns("/api/**")
                    .excludePathPatterns("/api/v1/ingest/**");
        }
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(new ProblemExceptionResolver());
    }
}
