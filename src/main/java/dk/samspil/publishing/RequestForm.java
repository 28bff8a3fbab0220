package dk.samspil.publishing;

import dk.samspil.platform.SingleLine;
import dk.samspil.publishing.NewsletterRequests.Approver;
import dk.samspil.publishing.NewsletterRequests.Draft;
import dk.samspil.publishing.NewsletterRequests.RequestView;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.validation.BindingResult;

/**
 * A newsletter request as the author writes it: the handbook's seven points, "Haster" with its reason, and the
 * parties to approve it (each chosen by giving a name and an address). Everything is text, so that a malformed
 * value gets its Danish message at its field and every value is shown again.
 */
class RequestForm {

    static final String MAIL = "MAIL";
    static final String EDITORS = "EDITORS";
    static final String PKORIENTERING = "PKORIENTERING";
    static final String SITE = "SITE";
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final DateTimeFormatter DANISH_DATE =
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    @Size(max = 150, message = "{publishing.request.headline.tooLong}")
    @SingleLine
    private String headline;

    @Size(max = 20000, message = "{field.tooLong}")
    private String body;

    private String channel;

    @Size(max = 1500, message = "{publishing.request.summary.tooLong}")
    private String summary;

    private String audience;
    private String hospitalUnitId;
    private List<String> municipalities = new ArrayList<>();

    @Size(max = 300, message = "{field.tooLong}")
    @SingleLine
    private String sender;

    @Size(max = 300, message = "{field.tooLong}")
    @SingleLine
    private String coSender;

    private String latestDate;
    private boolean urgent;
    private String destination = EDITORS;

    @Size(max = 1000, message = "{field.tooLong}")
    private String urgentReason;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String managementName;

    @Size(max = 320, message = "{field.tooLong}")
    @SingleLine
    private String managementEmail;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String coordinatorName;

    @Size(max = 320, message = "{field.tooLong}")
    @SingleLine
    private String coordinatorEmail;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String medicalName;

    @Size(max = 320, message = "{field.tooLong}")
    @SingleLine
    private String medicalEmail;

    @Size(max = 200, message = "{field.tooLong}")
    @SingleLine
    private String plomName;

    @Size(max = 320, message = "{field.tooLong}")
    @SingleLine
    private String plomEmail;

    static RequestForm of(RequestView request) {
        RequestForm form = new RequestForm();
        form.headline = request.headline();
        form.body = request.body();
        form.channel = request.onSite() ? SITE : MAIL;
        form.summary = request.summary();
        form.audience = request.audience().name();
        form.hospitalUnitId = request.hospitalUnitId() == null ? null : String.valueOf(request.hospitalUnitId());
        form.municipalities = new ArrayList<>(request.municipalities());
        form.sender = request.sender();
        form.coSender = request.coSender();
        form.latestDate = request.latestDate().toString();
        form.urgent = request.urgent();
        form.urgentReason = request.urgentReason();
        form.destination = request.contribution() ? PKORIENTERING : EDITORS;
        for (Approver approver : request.approvers()) {
            switch (approver.party()) {
                case MANAGEMENT -> {
                    form.managementName = approver.name();
                    form.managementEmail = approver.email();
                }
                case COORDINATOR -> {
                    form.coordinatorName = approver.name();
                    form.coordinatorEmail = approver.email();
                }
                case MEDICAL_COORDINATOR -> {
                    form.medicalName = approver.name();
                    form.medicalEmail = approver.email();
                }
                case PLO_M -> {
                    form.plomName = approver.name();
                    form.plomEmail = approver.email();
                }
            }
        }
        return form;
    }

    /**
     * The rules beyond length and one line; the region's municipalities and units are the only ones offered, and a
     * contribution to PKOrientering goes to a unit with a coordinator.
     */
    void check(
            BindingResult result,
            LocalDate today,
            Set<String> regionMunicipalities,
            Set<Long> regionUnits,
            Set<Long> coordinatedUnits) {
        if (blank(headline)) {
            result.rejectValue("headline", "publishing.request.headline.required");
        }
        if (blank(body)) {
            result.rejectValue("body", "publishing.request.body.required");
        }
        if (!MAIL.equals(channel) && !SITE.equals(channel)) {
            result.rejectValue("channel", "publishing.request.channel.required");
        } else if (SITE.equals(channel) && blank(summary)) {
            result.rejectValue("summary", "publishing.request.summary.required");
        }
        Audience chosen = audienceValue();
        if (chosen == null) {
            result.rejectValue("audience", "publishing.request.audience.required");
        } else if (chosen == Audience.MUNICIPALITIES) {
            if (municipalities == null || municipalities.isEmpty()) {
                result.rejectValue("municipalities", "publishing.request.municipalities.required");
            } else if (!regionMunicipalities.containsAll(municipalities) || municipalities.size() > 200) {
                result.rejectValue("municipalities", "publishing.request.municipalities.unknown");
            }
        } else if (chosen == Audience.CATCHMENT && !regionUnits.contains(unitValue())) {
            result.rejectValue("hospitalUnitId", "publishing.request.unit.required");
        }
        if (!EDITORS.equals(destination) && !PKORIENTERING.equals(destination)) {
            result.rejectValue("destination", "publishing.request.destination.required");
        } else if (contribution()) {
            if (chosen != Audience.CATCHMENT) {
                result.rejectValue("audience", "publishing.request.contribution.catchment");
            } else if (regionUnits.contains(unitValue()) && !coordinatedUnits.contains(unitValue())) {
                result.rejectValue("hospitalUnitId", "publishing.request.contribution.noCoordinator");
            }
        }
        if (blank(sender)) {
            result.rejectValue("sender", "publishing.request.sender.required");
        }
        LocalDate day = date(latestDate);
        if (blank(latestDate)) {
            result.rejectValue("latestDate", "publishing.request.latestDate.required");
        } else if (day == null) {
            result.rejectValue("latestDate", "publishing.request.latestDate.invalid");
        } else if (day.isBefore(today)) {
            result.rejectValue("latestDate", "publishing.request.latestDate.past");
        } else if (day.isAfter(today.plusYears(1))) {
            result.rejectValue("latestDate", "publishing.request.latestDate.tooFar");
        }
        if (urgent && blank(urgentReason)) {
            result.rejectValue("urgentReason", "publishing.request.urgentReason.required");
        }
        boolean any = false;
        any |= party(result, "management", managementName, managementEmail);
        any |= party(result, "coordinator", coordinatorName, coordinatorEmail);
        any |= party(result, "medical", medicalName, medicalEmail);
        any |= party(result, "plom", plomName, plomEmail);
        if (!any && !result.hasFieldErrors("managementName")) {
            result.rejectValue("managementName", "publishing.approval.none");
        }
    }

    /** Whether the party is chosen; a name without an address (or the other way round) is an error at the field. */
    private static boolean party(BindingResult result, String prefix, String name, String email) {
        if (blank(name) && blank(email)) {
            return false;
        }
        if (blank(name)) {
            result.rejectValue(prefix + "Name", "publishing.approval.name.required");
        }
        if (blank(email)) {
            result.rejectValue(prefix + "Email", "publishing.approval.email.required");
        } else if (!EMAIL.matcher(email.strip()).matches()) {
            result.rejectValue(prefix + "Email", "publishing.approval.email.invalid");
        }
        return true;
    }

    Draft draft() {
        List<Approver> approvers = new ArrayList<>();
        add(approvers, Party.MANAGEMENT, managementName, managementEmail);
        add(approvers, Party.COORDINATOR, coordinatorName, coordinatorEmail);
        add(approvers, Party.MEDICAL_COORDINATOR, medicalName, medicalEmail);
        add(approvers, Party.PLO_M, plomName, plomEmail);
        Audience chosen = audienceValue();
        boolean onSite = SITE.equals(channel);
        return new Draft(
                headline.strip(),
                body.strip(),
                onSite,
                onSite ? summary.strip() : null,
                chosen,
                chosen == Audience.CATCHMENT ? unitValue() : null,
                chosen == Audience.MUNICIPALITIES ? List.copyOf(municipalities) : List.of(),
                sender.strip(),
                blank(coSender) ? null : coSender.strip(),
                date(latestDate),
                urgent,
                urgent ? urgentReason.strip() : null,
                approvers,
                contribution() && chosen == Audience.CATCHMENT ? unitValue() : null);
    }

    private static void add(List<Approver> approvers, Party party, String name, String email) {
        if (!blank(name) && !blank(email)) {
            approvers.add(new Approver(party, name.strip(), email.strip()));
        }
    }

    /** A contribution to the hospital unit's PKOrientering rather than a newsletter of its own. */
    boolean contribution() {
        return PKORIENTERING.equals(destination);
    }

    Audience audienceValue() {
        try {
            return audience == null ? null : Audience.valueOf(audience.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Long unitValue() {
        try {
            return blank(hospitalUnitId) ? null : Long.valueOf(hospitalUnitId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date as the date field sends it (2027-03-01) or as a Dane writes it (1.3.2027); null if neither. */
    static LocalDate date(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(value.strip(), DANISH_DATE);
            } catch (DateTimeParseException danish) {
                return null;
            }
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getHeadline() {
        return headline;
    }

    public void setHeadline(String headline) {
        this.headline = headline;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getHospitalUnitId() {
        return hospitalUnitId;
    }

    public void setHospitalUnitId(String hospitalUnitId) {
        this.hospitalUnitId = hospitalUnitId;
    }

    public List<String> getMunicipalities() {
        return municipalities;
    }

    public void setMunicipalities(List<String> municipalities) {
        this.municipalities = municipalities == null ? new ArrayList<>() : municipalities;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getCoSender() {
        return coSender;
    }

    public void setCoSender(String coSender) {
        this.coSender = coSender;
    }

    public String getLatestDate() {
        return latestDate;
    }

    public void setLatestDate(String latestDate) {
        this.latestDate = latestDate;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    public boolean isUrgent() {
        return urgent;
    }

    public void setUrgent(boolean urgent) {
        this.urgent = urgent;
    }

    public String getUrgentReason() {
        return urgentReason;
    }

    public void setUrgentReason(String urgentReason) {
        this.urgentReason = urgentReason;
    }

    public String getManagementName() {
        return managementName;
    }

    public void setManagementName(String managementName) {
        this.managementName = managementName;
    }

    public String getManagementEmail() {
        return managementEmail;
    }

    public void setManagementEmail(String managementEmail) {
        this.managementEmail = managementEmail;
    }

    public String getCoordinatorName() {
        return coordinatorName;
    }

    public void setCoordinatorName(String coordinatorName) {
        this.coordinatorName = coordinatorName;
    }

    public String getCoordinatorEmail() {
        return coordinatorEmail;
    }

    public void setCoordinatorEmail(String coordinatorEmail) {
        this.coordinatorEmail = coordinatorEmail;
    }

    public String getMedicalName() {
        return medicalName;
    }

    public void setMedicalName(String medicalName) {
        this.medicalName = medicalName;
    }

    public String getMedicalEmail() {
        return medicalEmail;
    }

    public void setMedicalEmail(String medicalEmail) {
        this.medicalEmail = medicalEmail;
    }

    public String getPlomName() {
        return plomName;
    }

    public void setPlomName(String plomName) {
        this.plomName = plomName;
    }

    public String getPlomEmail() {
        return plomEmail;
    }

    public void setPlomEmail(String plomEmail) {
        this.plomEmail = plomEmail;
    }
}
