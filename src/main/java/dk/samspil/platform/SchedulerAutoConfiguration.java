package dk.samspil.platform;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * db-scheduler's auto-configuration, run after Spring Boot 4's DataSource and Flyway auto-configuration. Its own
 * {@code @AutoConfigureAfter} names Boot 3's DataSource auto-configuration, which Boot 4 no longer has: with an
 * external PostgreSQL (whose DataSource Boot makes) it was evaluated before the DataSource existed, its
 * {@code @ConditionalOnBean(DataSource)} failed, and the instance had no scheduler at all — no mails sent, no decks
 * made (found by {@code TwoInstancesIT}). The original is excluded in {@code application.yaml}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import(DbSchedulerAutoConfiguration.class)
public class SchedulerAutoConfiguration {}
