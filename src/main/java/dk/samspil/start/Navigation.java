package dk.samspil.start;

import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The main menu of the layout: which pages a user's role has, and which of them the current page belongs to. The
 * layout draws the same items twice, as Det Fælles Designsystem's desktop menu and its mobile drawer.
 */
@Component("navigation")
class Navigation {

    /** One menu item: its address, its message key, and whether the current page is it or below it. */
    public record Item(String href, String labelKey, boolean current) {}

    public List<Item> items(SamspilPrincipal user, String path) {
        List<Item> items = new ArrayList<>();
        String current = path == null ? "" : path;
        if (user != null) {
            add(items, "/start", "nav.start", current);
        }
        add(items, "/pakker", "nav.catalog", current);
        if (user == null) {
            return items;
        }
        Role role = user.role();
        boolean orders = !role.isPko() && role != Role.EDITOR;
        if (orders) {
            add(items, "/bestillinger", "nav.orders", current);
            add(items, "/aftaler", "meeting.overview.nav", current);
        }
        if (role == Role.COORDINATOR || role == Role.ADMIN) {
            add(items, "/klynger", "nav.clusters", current, "/admin/klynger");
        }
        if (role == Role.CONSULTANT && user.providerCode() != null) {
            add(items, "/udbyder/overblik", "insight.nav", current);
        }
        if (role == Role.CONSULTANT || role == Role.ADMIN) {
            add(items, "/udbyder/pakker", "nav.packageEditor", current);
            add(items, "/data/import", "nav.registerData", current);
            add(items, "/praksis-til-bekraeftelse", "nav.pendingPractices", current);
        }
        if (role.isPko() || role == Role.ADMIN) {
            add(items, "/pko", "nav.pko", current);
        }
        if (role.isPko()) {
            add(items, "/pko/audit", "pko.audit.nav", current);
            add(items, "/nyhedsmails", "publishing.nav.requests", current);
            add(items, "/forloebsbeskrivelser", "publishing.pathway.nav", current);
        }
        if (role == Role.EDITOR) {
            add(items, "/redaktion", "publishing.nav.desk", current);
        }
        add(items, "/kalender", "nav.calendar", current);
        if (role == Role.ADMIN) {
            add(items, "/admin/registre", "nav.registers", current);
            add(items, "/admin/udbakke", "nav.outbox", current);
            add(items, "/admin/brugere", "nav.users", current);
        }
        if (role == Role.ADMIN || (role == Role.MUNICIPALITY && user.municipalityCode() != null)) {
            add(items, "/kommune/konti", "nav.municipalAccounts", current);
        }
        return items;
    }

    /** Adds the item; the current page belongs to it when its path is the item's or below it (or below an alias). */
    private static void add(List<Item> items, String href, String key, String path, String... aliases) {
        boolean current = below(path, href);
        for (String alias : aliases) {
            current |= below(path, alias);
        }
        items.add(new Item(href, key, current));
    }

    private static boolean below(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
