/**
 * Service data (ydelsesdata) and municipal data: the national files' import, the municipality's referral counts and
 * dose-dispensing figures, rates per 1,000 listed patients under per-order letters, and the one disclosure policy.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "directory", "ordering", "platform", "security"})
package dk.samspil.servicedata;
