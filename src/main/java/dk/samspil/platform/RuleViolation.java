package dk.samspil.platform;

/**
 * A domain rule refused a change: an order, a survey, an agreement or an audit step that is not allowed now, or that
 * someone else made at the same moment. The page shows the message key in Danish, at the field it concerns when
 * there is one. Nothing of the change is saved (it is thrown inside the change's transaction).
 */
public class RuleViolation extends RuntimeException {

    private final String field;
    private final String messageKey;

    public RuleViolation(String messageKey) {
        this(null, messageKey);
    }

    public RuleViolation(String field, String messageKey) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    /** The form field the refusal concerns, or null for the whole form. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
