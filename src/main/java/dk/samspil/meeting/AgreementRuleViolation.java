package dk.samspil.meeting;

/** A refused change of an agreement; the message is a key of meeting_da.properties for the field it concerns. */
public class AgreementRuleViolation extends RuntimeException {

    private final String field;

    AgreementRuleViolation(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return getMessage();
    }
}
