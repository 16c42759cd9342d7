package jp.jichitai.cloud.continuity.internal;

import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/** The Japanese refusals of the continuity module, read from {@code messages/continuity.properties}. */
public final class ContinuityMessages {

    private static final Messages MESSAGES = Messages.of("continuity");

    private ContinuityMessages() {
    }

    public static BusinessException refusal(String id, Object... arguments) {
        return MESSAGES.refusal(MessageId.of(id), arguments);
    }

    public static String text(String id, Object... arguments) {
        return MESSAGES.text(MessageId.of(id), arguments);
    }
}
