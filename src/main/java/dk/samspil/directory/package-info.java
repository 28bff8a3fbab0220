/**
 * The registers: regions, package providers, municipalities, clusters with their practices (ydernummer) and
 * members, hospital units. Other modules read them through {@link dk.samspil.directory.Directory}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"mail", "platform", "security"})
package dk.samspil.directory;
