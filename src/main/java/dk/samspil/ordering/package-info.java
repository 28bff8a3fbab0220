/**
 * Ordering a cluster package and the order's timeline (drejebog): the coordinator's order, the consultant's
 * call-back and materials mail, the municipal participants' invitations, tasks with owners, due dates, reminders
 * and calendar entries, and the order's changes until the meeting (its programme adapted with the cluster). Other
 * modules read orders through {@link dk.samspil.ordering.Orders} and an order's package through
 * {@link dk.samspil.ordering.OrderPackage}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"catalog", "directory", "mail", "platform", "security"})
package dk.samspil.ordering;
