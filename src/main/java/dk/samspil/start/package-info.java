/**
 * The start page of each role after sign-in: the consultant's orders by what needs doing now, the coordinator's and
 * the municipality's meetings with their next step, the administrator's outbox, imports and what needs attention. It
 * owns no tables and reads every other module through its public API.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"deck", "mail", "ordering", "security", "servicedata", "survey"})
package dk.samspil.start;
