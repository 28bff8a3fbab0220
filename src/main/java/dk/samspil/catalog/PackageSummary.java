package dk.samspil.catalog;

import dk.samspil.catalog.PackageDefinition.PackageStatus;

/** A package as the catalogue list shows it. */
record PackageSummary(
        String slug, String title, String providerName, PackageStatus status, String summary, int version) {}
