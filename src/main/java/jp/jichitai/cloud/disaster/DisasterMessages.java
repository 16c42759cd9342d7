package jp.jichitai.cloud.disaster;

import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/** The Japanese refusals of this module, read from {@code messages/disaster.properties}. */
final class DisasterMessages {

    private static final Messages MESSAGES = Messages.of("disaster");

    private DisasterMessages() {
    }

    static BusinessException refusal(String id, Object... arguments) {
        return MESSAGES.refusal(MessageId.of(id), arguments);
    }
}
