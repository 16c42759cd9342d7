package jp.jichitai.cloud.migration.internal;

import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/** The Japanese refusals of the import and export, read from {@code messages/migration.properties}. */
public final class MigrationMessages {

    private static final Messages MESSAGES = Messages.of("migration");

    private MigrationMessages() {
    }

    public static BusinessException refusal(String id, Object... arguments) {
        return MESSAGES.refusal(MessageId.of(id), arguments);
    }

    public static String text(String id, Object... arguments) {
        return MESSAGES.text(MessageId.of(id), arguments);
    }
}
