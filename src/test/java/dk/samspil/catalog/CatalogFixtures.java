package dk.samspil.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** A package's file changed and loaded as the catalogue does at start-up: a new version of the package. */
public final class CatalogFixtures {

    private CatalogFixtures() {}

    /** Loads the shipped file of the package, changed by the function; returns how many packages changed. */
    public static int loadChanged(ApplicationContext context, String slug, UnaryOperator<String> change)
            throws IOException {
        String yaml = new ClassPathResource("catalog/" + slug + ".yaml").getContentAsString(StandardCharsets.UTF_8);
        return context.getBean(CatalogLoader.class).load(named(change.apply(yaml), slug + ".yaml"));
    }

    /** Loads the shipped file again: the package as shipped, as its newest version. */
    public static void restore(ApplicationContext context, String slug) throws IOException {
        context.getBean(CatalogLoader.class).load(new ClassPathResource("catalog/" + slug + ".yaml"));
    }

    static Resource named(String content, String filename) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
    }
}
