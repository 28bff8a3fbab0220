package dk.samspil.catalog;

import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;

/** Who edits a provider's packages: its consultants and the administrator. Anyone else is answered 404. */
final class PackageEditors {

    private PackageEditors() {}

    static void requireEditor(SamspilPrincipal user) {
        if (user == null || !(user.isAdmin() || (user.is(Role.CONSULTANT) && user.providerCode() != null))) {
            throw new AccessRefusedException("package-editor");
        }
    }

    static void requireProvider(SamspilPrincipal user, String providerCode) {
        requireEditor(user);
        if (!user.isAdmin() && !user.providerCode().equals(providerCode)) {
            throw new AccessRefusedException("package-editor:" + providerCode);
        }
    }
}
