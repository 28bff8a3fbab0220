package dk.samspil.ordering;

/** A domain rule refused a change; the page shows the message key in Danish. */
public class OrderRuleViolation extends RuntimeException {

    private final String messageKey;

    public OrderRuleViolation(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
