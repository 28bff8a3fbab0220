package dk.samspil.publishing;

import dk.samspil.platform.SingleLineRule;
import dk.samspil.publishing.Pathways.Sections;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A pathway's fields as typed: the patient group, the Specialråd, the review date and the five sections. */
final class PathwayForm {

    static final int SECTION_MAX = 20_000;
    static final int LINE_MAX = 200;

    private PathwayForm() {}

    /** The typed values, so a refused form comes back as it was typed. */
    static Map<String, String> draft(Map<String, String> params) {
        Map<String, String> draft = new LinkedHashMap<>();
        for (String key : new String[] {"patientGroup", "specialty", "reviewDate", "changeKind", "extraWork"}) {
            draft.put(key, params.getOrDefault(key, ""));
        }
        for (String section : Pathways.SECTIONS) {
            draft.put(section, params.getOrDefault(section, ""));
        }
        return draft;
    }

    /** What is wrong, field by field (message keys); {@code changed} forms of a valid pathway name the change. */
    static Map<String, String> errors(Map<String, String> draft, LocalDate today, boolean changeOfValid) {
        Map<String, String> errors = new LinkedHashMap<>();
        line(errors, draft, "patientGroup");
        line(errors, draft, "specialty");
        LocalDate review = reviewDate(draft);
        if (review == null) {
            errors.put("reviewDate", "publishing.pathway.reviewDate.invalid");
        } else if (!review.isAfter(today) || review.isAfter(today.plusYears(10))) {
            errors.put("reviewDate", "publishing.pathway.reviewDate.range");
        }
        for (String section : Pathways.SECTIONS) {
            if (draft.get(section).length() > SECTION_MAX) {
                errors.put(section, "field.tooLong");
            }
        }
        if (changeOfValid
                && !"SIGNIFICANT".equals(draft.get("changeKind"))
                && !"MINOR".equals(draft.get("changeKind"))) {
            errors.put("changeKind", "publishing.pathway.changeKind.required");
        }
        return errors;
    }

    private static void line(Map<String, String> errors, Map<String, String> draft, String key) {
        String value = draft.get(key);
        if (RequestForm.blank(value)) {
            errors.put(key, "publishing.pathway." + key + ".required");
        } else if (value.length() > LINE_MAX) {
            errors.put(key, "field.tooLong");
        } else if (!SingleLineRule.holds(value)) {
            errors.put(key, SingleLineRule.KEY);
        }
    }

    static LocalDate reviewDate(Map<String, String> draft) {
        try {
            return LocalDate.parse(draft.get("reviewDate").strip());
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    static Sections sections(Map<String, String> draft) {
        return new Sections(
                draft.get("background").strip(),
                draft.get("workup").strip(),
                draft.get("referral").strip(),
                draft.get("treatment").strip(),
                draft.get("followup").strip());
    }

    static Map<String, String> of(Pathways.PathwayView pathway, Sections sections) {
        Map<String, String> draft = new LinkedHashMap<>();
        draft.put("patientGroup", pathway.patientGroup());
        draft.put("specialty", pathway.specialty());
        draft.put("reviewDate", pathway.reviewDate().toString());
        draft.put("changeKind", "");
        draft.put("extraWork", pathway.extraWork() ? "true" : "");
        var texts = sections.texts();
        for (int i = 0; i < Pathways.SECTIONS.size(); i++) {
            draft.put(Pathways.SECTIONS.get(i), texts.get(i));
        }
        return draft;
    }
}
