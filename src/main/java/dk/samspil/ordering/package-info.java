/**
 * Ordering a cluster package and the order's timeline (drejebog): the coordinator's order, the consultant's
 * call-back and materials mail, the municipal participants' invitations, tasks with owners, due dates, reminders
 * and calendar entries. Other modules read orders through {@link dk.samspil.ordering.Orders}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "directory", "mail", "platform", "security"})
package dk.samspil.ordering;
