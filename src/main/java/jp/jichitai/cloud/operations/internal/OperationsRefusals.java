package jp.jichitai.cloud.operations.internal;

import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/** The Japanese refusals of the operations screens and API ({@code messages/operations.properties}). */
final class OperationsRefusals {

    private static final Messages MESSAGES = Messages.of("operations");

    private OperationsRefusals() {
    }

    static BusinessException refusal(String id, Object... arguments) {
        return MESSAGES.refusal(MessageId.of(id), arguments);
    }

    static String text(String id, Object... arguments) {
        return MESSAGES.text(MessageId.of(id), arguments);
    }

    static RecordNotFound notFound() {
        return new RecordNotFound();
    }

    /** A record that does not exist: answered 404 with the platform's one "not found" body. */
    static final class RecordNotFound extends RuntimeException {
        RecordNotFound() {
            super("not found", null, false, false);
        }
    }
}
