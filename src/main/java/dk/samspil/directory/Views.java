package dk.samspil.directory;

/** Read models of the registers, as other modules and the pages see them. */
public final class Views {

    private Views() {}

    public record ClusterView(
            long id,
            String name,
            String regionCode,
            String regionName,
            String municipalityCode,
            String municipalityName,
            int practiceCount,
            int memberCount) {}

    /** @param confirmed whether the practice counts: confirmed as the cluster's by the consultant or the register */
    public record PracticeView(long id, String ydernummer, String name, int listedPatients, boolean confirmed) {}

    /** A ydernummer a cluster has added, waiting for the consultant; {@code otherClusters} that also have it. */
    public record PendingPracticeView(
            long id, long clusterId, String clusterName, String ydernummer, String name, String otherClusters) {}

    public record MemberView(long id, String name, String email, Long practiceId, String practiceName) {}

    public record MunicipalityView(String code, String name, String regionName) {}

    public record RegionView(String code, String name) {}

    public record ProviderView(String code, String name, String regionName) {}

    /** How to reach a provider; each detail may be missing. */
    /** @param regionCode the region whose clusters may order the provider's packages; null for a national provider */
    public record ProviderContact(
            String code, String name, String regionCode, String email, String phone, String address) {

        public boolean hasDetails() {
            return email != null || phone != null || address != null;
        }
    }

    public record HospitalUnitView(long id, String name, String regionName) {}

    /**
     * A general practitioner or practice staff member to write to about what concerns their municipality: a member of
     * a cluster of that municipality.
     */
    public record GpRecipient(String name, String email, String practiceName, String municipalityCode) {}
}
