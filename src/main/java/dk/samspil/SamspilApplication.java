package dk.samspil;

import dk.samspil.platform.DatabaseBackup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Samspil: planning, running and following up cluster meetings between general practice and municipalities. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SamspilApplication {

    public static void main(String[] args) throws Exception {
        if (DatabaseBackup.requested(args)) {
            DatabaseBackup.run(args);
            return;
        }
        SpringApplication.run(SamspilApplication.class, args);
    }
}
