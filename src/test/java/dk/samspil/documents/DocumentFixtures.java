package dk.samspil.documents;

import dk.samspil.catalog.PackageDefinition;
import dk.samspil.documents.PackageDocuments.Facts;
import dk.samspil.documents.PackageDocuments.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The catalogue's packages read without Spring (as the catalogue loader reads them), an order's facts, and documents. */
public final class DocumentFixtures {

    static final String CLUSTER = "Lægeklyngen Århus Øst";
    static final String MUNICIPALITY = "Ærø Kommune";
    static final LocalDate DATE = LocalDate.of(2027, 2, 16);
    static final String DANISH_DATE = "16. februar 2027";
    static final LocalTime START = LocalTime.of(16, 0);

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private DocumentFixtures() {}

    static List<PackageDefinition> packages() {
        try {
            List<PackageDefinition> packages = new ArrayList<>();
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:catalog/*.yaml")) {
                try (InputStream in = file.getInputStream()) {
                    packages.add(YAML.readValue(in, PackageDefinition.class));
                }
            }
            return packages;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public static PackageDefinition pkg(String slug) {
        return packages().stream()
                .filter(p -> p.slug().equals(slug))
                .findFirst()
                .orElseThrow();
    }

    static Facts facts() {
        return new Facts(
                CLUSTER,
                MUNICIPALITY,
                DATE,
                START,
                "Sundhedshuset, Søndergade 7, 5970 Ærøskøbing",
                "Søren Ødegård",
                "KiAP",
                "https://samspil.example/ordrer/42",
                List.of("Læge Åse Ærenlund", "Læge Bjørn Kragh"));
    }

    static byte[] docx(Kind kind, PackageDefinition pkg, Facts facts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PackageDocuments.write(kind, pkg, facts, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    static XWPFDocument open(byte[] docx) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(docx));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    static String text(byte[] docx) {
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(open(docx))) {
            return extractor.getText();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
