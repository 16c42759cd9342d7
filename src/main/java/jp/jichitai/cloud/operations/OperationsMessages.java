package jp.jichitai.cloud.operations;

import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/** The Japanese refusals of this module, read from {@code messages/operations.properties}. */
final class OperationsMessages {

    private static final Messages MESSAGES = Messages.of("operations");

    private OperationsMessages() {
    }

    static BusinessException refusal(String id, Object... arguments) {
        return MESSAGES.refusal(MessageId.of(id), arguments);
    }
}
