package jp.jichitai.cloud.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Japanese message texts by id, read from {@code messages/<area>.properties} (UTF-8). Pure Java so that
 * the command-line tools can use it without Spring.
 */
public final class Messages {

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The messages of one area, e.g. {@code Messages.of("migration")} reads messages/migration.properties. */
    public static Messages of(String area) {
        return new Messages(ResourceBundle.getBundle("messages." + area, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** The Japanese text of a message with its arguments filled in. */
    public String text(MessageId id, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(id.value());
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no Japanese text for message " + id, e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.JAPAN).format(arguments);
    }

    public boolean has(MessageId id) {
        return bundle.containsKey(id.value());
    }

    /** An exception for a refused request, with the text for its id. */
    public BusinessException refusal(MessageId id, Object... arguments) {
        return new BusinessException(id, text(id, arguments));
    }
}
