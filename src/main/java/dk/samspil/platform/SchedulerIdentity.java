package dk.samspil.platform;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Names this instance's scheduler by host and HTTP port (the same after a restart, different for two instances on
 * one host; {@code db-scheduler.scheduler-name} overrides it) and, before the scheduler starts, gives back what the
 * same instance was running when it was killed: those executions would otherwise wait until their missed
 * heartbeats mark them dead. They run again at once; the jobs are written to be run again (a deck version still
 * pending is made, a finished one is left alone).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerIdentity {

    private static final Logger log = LoggerFactory.getLogger(SchedulerIdentity.class);

    @Bean
    @DependsOnDatabaseInitialization
    DbSchedulerCustomizer schedulerIdentityCustomizer(JdbcClient jdbc, Environment environment) {
        String name = name(environment);
        int released = jdbc.sql("""
                        UPDATE scheduled_tasks SET picked = false, picked_by = NULL, last_heartbeat = NULL,
                            execution_time = least(execution_time, now()), version = version + 1
                        WHERE picked AND picked_by = ?""").param(name).update();
        if (released > 0) {
            log.warn("Resuming {} job(s) this instance ({}) was running when it stopped", released, name);
        }
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(name));
            }
        };
    }

    static String name(Environment environment) {
        String configured = environment.getProperty("db-scheduler.scheduler-name");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        int port = environment.getProperty("server.port", Integer.class, 8080);
        // Port 0 (a random one, tests) is no identity: such an instance never finds its own executions again.
        return host() + ":"
                + (port > 0
                        ? String.valueOf(port)
                        : "pid" + ProcessHandle.current().pid());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
