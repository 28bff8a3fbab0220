package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partner body (PLO-M, Koncern Kvalitet, a sundhedsklynge …) as the register form edits it. */
class PartnerBodyForm {

    @Pattern(
            regexp =
                    "PLO_REGION|PLO_MUNICIPAL|SPECIALTY_COUNCIL|EDITORS|QUALITY_UNIT|GP_QUALITY_ORGANISATION|HEALTH_CLUSTER",
            message = "{pko.body.kind.required}")
    private String kind;

    @NotBlank(message = "{pko.body.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String name;

    @Size(max = 254, message = "{field.tooLong}")
    @Pattern(regexp = PersonForm.EMAIL, message = "{pko.person.email.invalid}")
    @SingleLine
    private String email;

    @Size(max = 40, message = "{field.tooLong}")
    @SingleLine
    private String phone;

    @Size(max = 1000, message = "{field.tooLong}")
    private String note;

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
