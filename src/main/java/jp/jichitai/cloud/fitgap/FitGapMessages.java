package jp.jichitai.cloud.fitgap;

import jp.jichitai.cloud.shared.BusinessException;
import jp.jichitai.cloud.shared.MessageId;
import jp.jichitai.cloud.shared.Messages;

/** The Japanese refusals of this module, read from {@code messages/fitgap.properties}. */
public final class FitGapMessages {

    private static final Messages MESSAGES = Messages.of("fitgap");

    private FitGapMessages() {
    }

    /** Also used by the template reader and the workbook writer in {@code internal}. */
    public static BusinessException refusal(String id, Object... arguments) {
        return MESSAGES.refusal(MessageId.of(id), arguments);
    }
}
