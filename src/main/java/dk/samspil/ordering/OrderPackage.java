package dk.samspil.ordering;

import dk.samspil.catalog.Catalog;
import dk.samspil.catalog.PackageDefinition;
import dk.samspil.ordering.OrderViews.ElectiveView;
import dk.samspil.ordering.OrderViews.OrderView;
import java.util.List;

/**
 * The package as an order has it: the version it was placed with, its programme naming the elective topics the
 * order chose ("Blok 3: Valgfrie emner" becomes the chosen topics), and the order's own programme once it is adapted
 * with the cluster (moved, retimed, added or removed blocks). The one place for it: the programme, the deck, the
 * documents, the meeting page and the minutes all read the order's package from here.
 */
public final class OrderPackage {

    private OrderPackage() {}

    public static PackageDefinition of(Catalog catalog, OrderView order) {
        PackageDefinition pkg = placed(catalog, order);
        if (order.programme() != null) {
            pkg = pkg.withProgramme(order.programme());
        }
        return pkg.withElectives(electiveTitles(pkg, order));
    }

    /**
     * The package in the version the order was placed with, as the catalogue had it then: a later version changes
     * the catalogue and the orders placed after it, never this one.
     */
    public static PackageDefinition placed(Catalog catalog, OrderView order) {
        return catalog.find(order.packageSlug(), order.packageVersion()).orElseThrow();
    }

    public static List<String> electiveTitles(PackageDefinition pkg, OrderView order) {
        List<ElectiveView> chosen = order.electiveTopics() == null ? List.of() : order.electiveTopics();
        String other = chosen.stream()
                .map(ElectiveView::freeText)
                .filter(t -> t != null && !t.isBlank())
                .findFirst()
                .orElse(null);
        return pkg.electiveTitles(chosen.stream().map(ElectiveView::key).toList(), other);
    }
}
