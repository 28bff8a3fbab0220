package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person of the scheme as the register form edits them. */
class PersonForm {

    static final String EMAIL = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    @NotNull(message = "{pko.person.kind.required}")
    private PersonKind kind;

    @Pattern(regexp = "^$|PREHOSPITAL|MEDICINE", message = "{pko.person.specialPost.invalid}")
    private String specialPost;

    @NotBlank(message = "{pko.person.name.required}")
    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String name;

    @Size(max = 254, message = "{field.tooLong}")
    @Pattern(regexp = EMAIL, message = "{pko.person.email.invalid}")
    @SingleLine
    private String email;

    @Size(max = 40, message = "{field.tooLong}")
    @SingleLine
    private String phone;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String practice;

    private Long userId;
    private Long departmentId;
    private String regionCode;
    private boolean active = true;

    static PersonForm of(PkoPerson person) {
        PersonForm form = new PersonForm();
        form.kind = person.kind();
        form.specialPost = person.specialPost();
        form.name = person.name();
        form.email = person.email();
        form.phone = person.phone();
        form.practice = person.practice();
        form.userId = person.userId();
        form.regionCode = person.regionCode();
        form.active = person.active();
        return form;
    }

    public PersonKind getKind() {
        return kind;
    }

    public void setKind(PersonKind kind) {
        this.kind = kind;
    }

    public String getSpecialPost() {
        return specialPost;
    }

    public void setSpecialPost(String specialPost) {
        this.specialPost = specialPost;
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

    public String getPractice() {
        return practice;
    }

    public void setPractice(String practice) {
        this.practice = practice;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public Long getDepartmentId() {
        return departmentId;
    }

    public void setDepartmentId(Long departmentId) {
        this.departmentId = departmentId;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
