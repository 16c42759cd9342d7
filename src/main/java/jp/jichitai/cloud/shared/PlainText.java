package jp.jichitai.cloud.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A free-text field of a form (a name, a title): printable characters only, and none of the
 * characters that mean something to HTML, scripts or SQL. Such characters never belong in the
 * fields this guards, so they are refused with a clear message instead of being stored.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String FORBIDDEN = "<>\"'&;\\`";

    String message() default "使用できない記号（< > \" ' & ; \\ `）や制御文字が含まれています。";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.codePoints()
                    .noneMatch(c -> Character.isISOControl(c) || FORBIDDEN.indexOf(c) >= 0);
        }
    }
}
