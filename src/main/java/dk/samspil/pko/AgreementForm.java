package dk.samspil.pko;

import dk.samspil.platform.SingleLine;
import jakarta.validation.constraints.Size;

/** "Aftal kommunikation" with the nearest partner: fixed meetings, ad hoc meetings, e-mail response time, phone. */
class AgreementForm {

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String partnerName;

    @Size(max = 1000, message = "{field.tooLong}")
    private String fixedMeetings;

    @Size(max = 1000, message = "{field.tooLong}")
    private String adHoc;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String emailResponse;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String phone;

    public String getPartnerName() {
        return partnerName;
    }

    public void setPartnerName(String partnerName) {
        this.partnerName = partnerName;
    }

    public String getFixedMeetings() {
        return fixedMeetings;
    }

    public void setFixedMeetings(String fixedMeetings) {
        this.fixedMeetings = fixedMeetings;
    }

    public String getAdHoc() {
        return adHoc;
    }

    public void setAdHoc(String adHoc) {
        this.adHoc = adHoc;
    }

    public String getEmailResponse() {
        return emailResponse;
    }

    public void setEmailResponse(String emailResponse) {
        this.emailResponse = emailResponse;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }
}
