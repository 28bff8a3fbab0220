package dk.samspil.ordering;

import java.time.LocalDate;

/** A cluster ordered a package: the survey and data modules start preparing from it. */
public record PackageOrdered(
        long orderId, String packageSlug, long clusterId, LocalDate meetingDate, Long followsOrderId) {}
