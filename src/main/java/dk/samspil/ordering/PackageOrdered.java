package dk.samspil.ordering;

import java.time.LocalDate;

/**
 * A cluster ordered a package: the survey and data modules start preparing from it.
 *
 * @param packageVersion the version of the package the order keeps; null in events stored before versions were kept
 */
public record PackageOrdered(
        long orderId,
        String packageSlug,
        Integer packageVersion,
        long clusterId,
        LocalDate meetingDate,
        Long followsOrderId) {}
