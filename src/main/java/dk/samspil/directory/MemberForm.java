package dk.samspil.directory;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A cluster member as the form edits it. */
class MemberForm {

    @NotBlank(message = "{member.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String name;

    @NotBlank(message = "{member.email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    @Pattern(regexp = RegisterRules.EMAIL, message = "{member.email.invalid}")
    @SingleLine
    private String email;

    private Long practiceId;

    static MemberForm of(Views.MemberView member) {
        MemberForm form = new MemberForm();
        form.name = member.name();
        form.email = member.email();
        form.practiceId = member.practiceId();
        return form;
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

    public Long getPracticeId() {
        return practiceId;
    }

    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
    }
}
