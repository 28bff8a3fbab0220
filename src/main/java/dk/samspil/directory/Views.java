package dk.samspil.directory;

/** Read models of the registers, as other modules and the pages see them. */
public final class Views {

    private Views() {}

    public record ClusterView(long id, String name, String regionCode, String regionName, String municipalityCode,
            String municipalityName, int practiceCount, int memberCount) {}

    public record PracticeView(long id, String ydernummer, String name, int listedPatients) {}

    public record MemberView(long id, String name, String email, Long practiceId, String practiceName) {}

    public record MunicipalityView(String code, String name, String regionName) {}

    public record RegionView(String code, String name) {}

    public record ProviderView(String code, String name, String regionName) {}

    public record HospitalUnitView(long id, String name, String regionName) {}
}
