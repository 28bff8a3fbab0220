package dk.samspil.platform;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name or other one-line field: no line breaks, tabs or other control characters (see {@link SingleLineRule}).
 * Forms bound by bean validation carry this annotation; forms that check themselves call
 * {@link SingleLineRule#holds(String)}. Either way the Danish message is {@code field.controlCharacters}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SingleLineRule.class)
public @interface SingleLine {

    String message() default "{" + SingleLineRule.KEY + "}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
