package dev.holdfast.notifications.alerts;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ShedLock on the application's DataSource, table {@code shedlock} (migration V500). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertsProperties.class)
class AlertsConfiguration {

    @Bean
    LockingTaskExecutor alertJobLocks(DataSource dataSource) {
        return new DefaultLockingTaskExecutor(new JdbcLockProvider(dataSource, "shedlock"));
    }
}
