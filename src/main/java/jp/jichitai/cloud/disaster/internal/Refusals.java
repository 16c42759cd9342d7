package jp.jichitai.cloud.disaster.internal;

import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/** The Japanese refusals of the disaster module's services, from {@code messages/disaster.properties}. */
final class Refusals {

    private static final Messages MESSAGES = Messages.of("disaster");

    private Refusals() {
    }

    static BusinessException refusal(String id, Object... arguments) {
        return MESSAGES.refusal(MessageId.of(id), arguments);
    }
}
