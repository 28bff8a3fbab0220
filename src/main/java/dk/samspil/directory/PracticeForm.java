package dk.samspil.directory;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A practice as the form edits it. */
class PracticeForm {

    @NotBlank(message = "{practice.ydernummer.required}")
    @Pattern(regexp = "\\s*\\d{6}\\s*", message = "{practice.ydernummer.invalid}")
    private String ydernummer;

    @NotBlank(message = "{practice.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String name;

    @NotNull(message = "{practice.listedPatients.required}")
    @Min(value = 0, message = "{practice.listedPatients.invalid}")
    @Max(value = RegisterRules.MAX_LISTED_PATIENTS, message = "{practice.listedPatients.invalid}")
    private Integer listedPatients;

    static PracticeForm of(Views.PracticeView practice) {
        PracticeForm form = new PracticeForm();
        form.ydernummer = practice.ydernummer();
        form.name = practice.name();
        form.listedPatients = practice.listedPatients();
        return form;
    }

    public String getYdernummer() {
        return ydernummer;
    }

    public void setYdernummer(String ydernummer) {
        this.ydernummer = ydernummer;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getListedPatients() {
        return listedPatients;
    }

    public void setListedPatients(Integer listedPatients) {
        this.listedPatients = listedPatients;
    }
}
