package dk.samspil.directory;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A cluster's name, region and municipality. */
class ClusterForm {

    @NotBlank(message = "{cluster.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String name;

    @NotBlank(message = "{cluster.region.required}")
    private String regionCode;

    private String municipalityCode;

    static ClusterForm of(Views.ClusterView cluster) {
        ClusterForm form = new ClusterForm();
        form.name = cluster.name();
        form.regionCode = cluster.regionCode();
        form.municipalityCode = cluster.municipalityCode();
        return form;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public void setMunicipalityCode(String municipalityCode) {
        this.municipalityCode = municipalityCode;
    }
}
