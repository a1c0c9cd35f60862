package dev.holdfast.platform.database;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Two pools: a tiny one as the schema owner for Flyway, and the application's, whose role is not the
 * owner of any table so that {@code FORCE ROW LEVEL SECURITY} applies to every statement it runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean
    DatabaseEndpoints databaseEndpoints(DatabaseProperties properties) {
        return DatabaseEndpoints.from(properties);
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource ownerDataSource(DatabaseEndpoints endpoints) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("holdfast-owner");
        config.setJdbcUrl(endpoints.url());
        config.setUsername(endpoints.ownerUser());
        config.setPassword(endpoints.ownerPassword());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setIdleTimeout(10_000);
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseEndpoints endpoints, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("holdfast");
        config.setJdbcUrl(endpoints.url());
        config.setUsername(endpoints.appUser());
        config.setPassword(endpoints.appPassword());
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(Math.min(2, properties.poolSize()));
        if (endpoints.appRole() != null) {
            config.setConnectionInitSql("SET ROLE " + endpoints.appRole());
        }
        return new HikariDataSource(config);
    }

    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new TenantBindingTransactionManager(dataSource);
    }

    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder(DatabaseEndpoints endpoints) {
        return configuration -> {
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("appRole", endpoints.effectiveAppRole());
            configuration.placeholders(placeholders);
        };
    }
}
