package dk.samspil.deck;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param templates a provider's own PowerPoint template (.pptx or .potx) by provider code, e.g.
 *     {@code samspil.deck.templates.KIAP=/etc/samspil/kiap.potx}: its masters, theme and page size replace the bundled
 *     16:9 template, without code
 */
@ConfigurationProperties("samspil.deck")
record DeckSettings(@DefaultValue Map<String, Path> templates) {}
