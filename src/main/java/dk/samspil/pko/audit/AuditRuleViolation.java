package dk.samspil.pko.audit;

/** A step of an audit refused by its rules; the message is a key of pko_audit_da.properties for the field it concerns. */
class AuditRuleViolation extends RuntimeException {

    private final String field;

    AuditRuleViolation(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    String field() {
        return field;
    }

    String messageKey() {
        return getMessage();
    }
}
