/**
 * Who may do what: sign-in, roles, the organisation each user belongs to, and the audit log of sign-ins and refused
 * access. Other modules use {@link dk.samspil.security.SamspilPrincipal}, {@link dk.samspil.security.Access} and
 * {@link dk.samspil.security.AuditLog}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"mail", "office", "platform"})
package dk.samspil.security;
