package dk.samspil.ordering;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** The coordinator's order form; the rules are in {@link OrderRules}. */
class OrderForm {

    static final int PARTICIPANT_ROWS = 4;

    private String packageSlug;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate meetingDate;

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime startTime = LocalTime.of(16, 0);

    private String venue;
    private List<String> municipalityCodes = new ArrayList<>();
    private List<ParticipantForm> participants = new ArrayList<>();
    private String firstContact = "PROVIDER";
    private String coordinatorPhone = "";

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime callbackAt;

    private List<String> electiveTopics = new ArrayList<>();
    private String electiveOther;
    private boolean acceptLeadTimeWarning;

    OrderForm() {
        padParticipants();
    }

    void padParticipants() {
        while (participants.size() < PARTICIPANT_ROWS) {
            participants.add(new ParticipantForm());
        }
    }

    List<ParticipantForm> filledParticipants() {
        return participants.stream().filter(p -> !p.isBlank()).toList();
    }

    public String getPackageSlug() {
        return packageSlug;
    }

    public void setPackageSlug(String packageSlug) {
        this.packageSlug = packageSlug;
    }

    public LocalDate getMeetingDate() {
        return meetingDate;
    }

    public void setMeetingDate(LocalDate meetingDate) {
        this.meetingDate = meetingDate;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public List<String> getMunicipalityCodes() {
        return municipalityCodes;
    }

    public void setMunicipalityCodes(List<String> municipalityCodes) {
        this.municipalityCodes = municipalityCodes;
    }

    public List<ParticipantForm> getParticipants() {
        return participants;
    }

    public void setParticipants(List<ParticipantForm> participants) {
        this.participants = participants;
    }

    public String getCoordinatorPhone() {
        return coordinatorPhone;
    }

    public void setCoordinatorPhone(String coordinatorPhone) {
        this.coordinatorPhone = coordinatorPhone == null ? "" : coordinatorPhone;
    }

    public String getFirstContact() {
        return firstContact;
    }

    public void setFirstContact(String firstContact) {
        this.firstContact = firstContact;
    }

    public LocalDateTime getCallbackAt() {
        return callbackAt;
    }

    public void setCallbackAt(LocalDateTime callbackAt) {
        this.callbackAt = callbackAt;
    }

    public List<String> getElectiveTopics() {
        return electiveTopics;
    }

    public void setElectiveTopics(List<String> electiveTopics) {
        this.electiveTopics = electiveTopics;
    }

    public String getElectiveOther() {
        return electiveOther;
    }

    public void setElectiveOther(String electiveOther) {
        this.electiveOther = electiveOther;
    }

    public boolean isAcceptLeadTimeWarning() {
        return acceptLeadTimeWarning;
    }

    public void setAcceptLeadTimeWarning(boolean acceptLeadTimeWarning) {
        this.acceptLeadTimeWarning = acceptLeadTimeWarning;
    }

    /** A known municipal participant: name, e-mail, role and municipality. */
    public static class ParticipantForm {
        private String name;
        private String email;
        private String role;
        private String municipalityCode;

        boolean isBlank() {
            return (name == null || name.isBlank()) && (email == null || email.isBlank());
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

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getMunicipalityCode() {
            return municipalityCode;
        }

        public void setMunicipalityCode(String municipalityCode) {
            this.municipalityCode = municipalityCode;
        }
    }
}
