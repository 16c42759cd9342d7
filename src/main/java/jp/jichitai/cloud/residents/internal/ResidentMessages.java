package jp.jichitai.cloud.residents.internal;

import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/**
 * The Japanese texts of the resident registry, from {@code messages/residents.properties}. Arguments are
 * passed as text so that {@link java.text.MessageFormat} never inserts digit grouping into years or numbers.
 */
public final class ResidentMessages {

    private static final Messages MESSAGES = Messages.of("residents");

    private ResidentMessages() {
    }

    /** A refusal with the message {@code id} and its arguments, each shown as text. */
    public static BusinessException refusal(String id, Object... arguments) {
        Object[] texts = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            texts[i] = String.valueOf(arguments[i]);
        }
        return MESSAGES.refusal(MessageId.of(id), texts);
    }

    /** Whether {@code id} has a Japanese text. */
    public static boolean has(String id) {
        return MESSAGES.has(MessageId.of(id));
    }
}
