package dk.samspil.survey;

/** A survey rule refused a change; the page shows the message key in Danish. */
class SurveyRuleViolation extends RuntimeException {

    private final String messageKey;

    SurveyRuleViolation(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
