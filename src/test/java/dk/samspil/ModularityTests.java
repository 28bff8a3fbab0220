package dk.samspil;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules only use each other's public API, and the module picture in docs/modules is current. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SamspilApplication.class);

    @Test
    void modulesRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
