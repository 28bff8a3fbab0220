/**
 * What a package provider learns from its orders: the provider's overview of all orders of its packages by phase and
 * month of meeting, with response rates, decks, meetings, agreements and follow-ups (for KiAP by region), and the
 * effect of its packages on the clusters' service figures before and after their meetings. It owns no tables and reads
 * the other modules only through their public API.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "catalog",
            "deck",
            "directory",
            "meeting",
            "office",
            "ordering",
            "platform",
            "security",
            "servicedata",
            "survey"
        })
package dk.samspil.insight;
