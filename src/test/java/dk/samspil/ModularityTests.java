package dk.samspil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules only use each other's public API, and the module picture in docs/modules is current. */
class ModularityTests {

    private static final Path DIAGRAMS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(SamspilApplication.class);

    @Test
    void modulesRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                sortDeclarations(file);
            }
        }
    }

    /**
     * The documenter writes modules and relations in hash order, so the files churned in every commit: runs of
     * component and relation lines are sorted, everything else keeps its place.
     */
    private static void sortDeclarations(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> sorted = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = declarationKind(line);
            if (runKind != null && !runKind.equals(kind)) {
                run.sort(null);
                sorted.addAll(run);
                run.clear();
            }
            runKind = kind;
            if (kind == null) {
                sorted.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        sorted.addAll(run);
        Files.write(file, sorted, StandardCharsets.UTF_8);
    }

    private static String declarationKind(String line) {
        String trimmed = line.stripLeading();
        for (String kind : List.of("Component(", "Container(", "Rel(")) {
            if (trimmed.startsWith(kind)) {
                return kind;
            }
        }
        return null;
    }
}
