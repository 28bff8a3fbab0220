package dk.samspil.publishing;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.validation.BindingResult;

/** A sign-up to the newsletter: the address, whether one works in general practice, and if so the municipality. */
class SubscribeForm {

    @Size(max = 320, message = "{field.tooLong}")
    @SingleLine
    private String email;

    private String generalPractice;
    private String municipality;

    void check(BindingResult result, Set<String> municipalities) {
        if (RequestForm.blank(email)) {
            result.rejectValue("email", "publishing.subscribe.email.required");
        } else if (!RequestForm.EMAIL.matcher(email.strip()).matches()) {
            result.rejectValue("email", "publishing.subscribe.email.invalid");
        }
        if (!"YES".equals(generalPractice) && !"NO".equals(generalPractice)) {
            result.rejectValue("generalPractice", "publishing.subscribe.generalPractice.required");
        } else if (inGeneralPractice() && !municipalities.contains(municipality)) {
            result.rejectValue("municipality", "publishing.subscribe.municipality.required");
        }
    }

    boolean inGeneralPractice() {
        return "YES".equals(generalPractice);
    }

    NewsletterSubscribers.Signup signup() {
        return new NewsletterSubscribers.Signup(
                email.strip(), inGeneralPractice(), inGeneralPractice() ? municipality : null);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getGeneralPractice() {
        return generalPractice;
    }

    public void setGeneralPractice(String generalPractice) {
        this.generalPractice = generalPractice;
    }

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }
}
