package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A GP's or trainee's sign-up to an evening meeting: name, practice, and whether a GP or a trainee. */
class SignupForm {

    @NotBlank(message = "{pko.signup.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String name;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String practice;

    private String kind;

    PkoEveningMeetings.SignupKind kindValue() {
        try {
            return kind == null ? null : PkoEveningMeetings.SignupKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPractice() {
        return practice;
    }

    public void setPractice(String practice) {
        this.practice = practice;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }
}
