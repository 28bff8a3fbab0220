/**
 * The package catalogue (klyngepakker): each package's content, programme and questionnaire template, loaded as
 * versioned data from {@code resources/catalog/*.yaml}. Other modules read packages through {@link dk.samspil.catalog.Catalog}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"directory", "office", "platform", "security"})
package dk.samspil.catalog;
