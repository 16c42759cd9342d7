package jp.jichitai.cloud.shared;

import java.util.regex.Pattern;

/**
 * The id of a message shown to people, such as {@code E-MIG-0012}: severity (E error, W warning,
 * I information), the owning area, a number. The id lets a counter clerk and the provider's operator
 * talk about the same message.
 */
public record MessageId(String value) {

    private static final Pattern FORM = Pattern.compile("[EWI]-[A-Z]{2,5}-[0-9]{4}");

    public MessageId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("message id must look like E-MIG-0012: " + value);
        }
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
