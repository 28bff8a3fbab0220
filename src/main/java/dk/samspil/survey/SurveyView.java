package dk.samspil.survey;

import dk.samspil.catalog.PackageDefinition.Question;
import java.time.LocalDate;
import java.util.List;

/** A survey with the version being edited or sent. */
public record SurveyView(
        long id,
        long orderId,
        SurveyStatus status,
        LocalDate closesOn,
        String reminderDays,
        int versionNumber,
        boolean versionFrozen,
        List<Question> questions) {

    public Question question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst().orElse(null);
    }
}
